// IP addresses as they arrive in sockets and forwarding headers: normalised to
// one spelling (IPv4-mapped IPv6 becomes IPv4, IPv6 is compressed and lower
// case), and address/CIDR lists matched with node's BlockList.
import { BlockList, isIPv4, isIPv6 } from "node:net";

/** A parsed list of addresses and CIDR ranges; `matches` takes a normalised address. */
export type AddressList = { entries: readonly string[]; matches: (address: string) => boolean };

const MAPPED_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One canonical spelling of an IP address, or null when `raw` is not one.
 * Accepts what sockets and proxies write: `[::1]`, `[::1]:443`, `1.2.3.4:80`,
 * `fe80::1%eth0`, `::ffff:10.0.0.1` (returned as `10.0.0.1`).
 */
export function normaliseAddress(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const zone = text.indexOf("%");
  if (zone > 0) text = text.slice(0, zone);
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return null;
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const dotted = MAPPED_DOTTED.exec(canonical);
  if (dotted?.[1]) return dotted[1];
  const hex = MAPPED_HEX.exec(canonical);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return canonical;
}

/**
 * Parses a comma-separated list of addresses and CIDR ranges
 * (`10.0.0.1, 10.1.0.0/16, fd00::/8`). Throws with the offending entry named.
 */
export function parseAddressList(list: string): AddressList {
  const blocks = new BlockList();
  const entries: string[] = [];
  for (const item of list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [addressPart, prefixPart, extra] = item.split("/");
    const address = addressPart === undefined ? null : normaliseAddress(addressPart);
    if (address === null || extra !== undefined) throw new Error(`"${item}" is not an IP address or CIDR range`);
    const family = isIPv4(address) ? "ipv4" : "ipv6";
    if (prefixPart === undefined) {
      blocks.addAddress(address, family);
      entries.push(address);
      continue;
    }
    const prefix = Number(prefixPart);
    const max = family === "ipv4" ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefixPart) || prefix > max) throw new Error(`"${item}" has a prefix length outside 0–${max}`);
    blocks.addSubnet(address, prefix, family);
    entries.push(`${address}/${prefix}`);
  }
  return {
    entries,
    matches: (address) => blocks.check(address, isIPv4(address) ? "ipv4" : "ipv6"),
  };
}

/**
 * The key an address is counted under: an IPv4 address itself, an IPv6
 * address by its /64 network (one subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would hand out 2^64 fresh limits).
 */
export function addressLimitKey(address: string): string {
  if (!isIPv6(address)) return address;
  const full = expandIPv6(address);
  return `${full.slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => "0"), ...right].map((group) => group.padStart(4, "0"));
}
