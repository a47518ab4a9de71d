// The few protobuf messages of Anki's that a package carries, declared with
// protobufjs from Anki's .proto files (proto/anki/import_export.proto,
// notetypes.proto, decks.proto). Only the fields we read are declared; others
// are skipped by the decoder. Sub-messages we only test for are read as bytes.
// Decoded objects hold only the fields present on the wire (no defaults).
import protobuf from "protobufjs";

const root = protobuf.Root.fromJSON({
  nested: {
    PackageMetadata: { fields: { version: { type: "int32", id: 1 } } },
    MediaEntries: {
      fields: { entries: { rule: "repeated", type: "MediaEntry", id: 1 } },
      nested: {
        MediaEntry: {
          fields: {
            name: { type: "string", id: 1 },
            size: { type: "uint32", id: 2 },
            sha1: { type: "bytes", id: 3 },
            legacyZipFilename: { type: "uint32", id: 255, options: { proto3_optional: true } },
          },
        },
      },
    },
    NotetypeConfig: { fields: { kind: { type: "int32", id: 1 } } },
    TemplateConfig: { fields: { qFormat: { type: "string", id: 1 }, aFormat: { type: "string", id: 2 } } },
    DeckKindContainer: { fields: { normal: { type: "bytes", id: 1 }, filtered: { type: "bytes", id: 2 } } },
  },
});

type Decoded = Record<string, unknown>;

function decoder(name: string): (bytes: Uint8Array) => Decoded {
  const type = root.lookupType(name);
  return (bytes) => type.toObject(type.decode(bytes), { longs: Number }) as Decoded;
}

function encoder(name: string): (value: Decoded) => Uint8Array {
  const type = root.lookupType(name);
  return (value) => type.encode(type.fromObject(value)).finish();
}

export const decodePackageMetadata = decoder("PackageMetadata");
export const decodeMediaEntries = decoder("MediaEntries");
export const decodeNotetypeConfig = decoder("NotetypeConfig");
export const decodeTemplateConfig = decoder("TemplateConfig");
export const decodeDeckKind = decoder("DeckKindContainer");

/** For writing test packages and future exports in Anki's current layout. */
export const encodePackageMetadata = encoder("PackageMetadata");
export const encodeMediaEntries = encoder("MediaEntries");
export const encodeNotetypeConfig = encoder("NotetypeConfig");
export const encodeTemplateConfig = encoder("TemplateConfig");
export const encodeDeckKind = encoder("DeckKindContainer");
