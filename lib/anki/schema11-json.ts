// The JSON that a schema 11 `col` row keeps for note types and decks, in the
// shape Anki's serde structs (rslib/src/notetype/schema11.rs,
// decks/schema11.rs) require: every field without a serde default is present.
import type { AnkiDeck, AnkiNoteType } from "./schemas";

const CSS = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }";

/** `col.models` for `noteTypes`, keyed by id. `mod` is in epoch seconds. */
export function modelsJson(noteTypes: readonly AnkiNoteType[], deckId: number, mod: number): string {
  const models = Object.fromEntries(
    noteTypes.map((t) => [
      String(t.id),
      {
        id: t.id,
        name: t.name,
        type: t.kind === "CLOZE" ? 1 : 0,
        mod,
        usn: -1,
        sortf: 0,
        did: deckId,
        tmpls: t.templates.map((tm) => ({
          name: tm.name,
          ord: tm.ordinal,
          qfmt: tm.question,
          afmt: tm.answer,
          bqfmt: "",
          bafmt: "",
          did: null,
          bfont: "",
          bsize: 0,
        })),
        flds: t.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20 })),
        css: CSS,
        latexPre: "",
        latexPost: "",
        latexsvg: false,
        req: [],
        tags: [],
        vers: [],
      },
    ]),
  );
  return JSON.stringify(models);
}

/** `col.decks` for `decks`, keyed by id, always with Anki's Default deck (id 1). */
export function decksJson(decks: readonly AnkiDeck[], mod: number): string {
  const all = decks.some((d) => d.id === 1) ? decks : [{ id: 1, name: "Default", path: ["Default"], filtered: false }, ...decks];
  const entries = all.map((d) => [
    String(d.id),
    {
      id: d.id,
      mod,
      name: d.name,
      usn: -1,
      newToday: [0, 0],
      revToday: [0, 0],
      lrnToday: [0, 0],
      timeToday: [0, 0],
      collapsed: false,
      browserCollapsed: false,
      desc: "",
      dyn: 0,
      conf: 1,
      extendNew: 0,
      extendRev: 0,
    },
  ]);
  return JSON.stringify(Object.fromEntries(entries));
}
