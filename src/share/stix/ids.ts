import { createHash } from "node:crypto";

/** Jikenbo's UUIDv5 namespace: every id it mints is derived from it and the object's natural key. */
const JIKENBO_NAMESPACE = "f561a257-1fba-4421-9115-47c43d387234";

/** RFC 9562 UUIDv5 (SHA-1) of a name in a namespace. */
export function uuidv5(name: string, namespace: string = JIKENBO_NAMESPACE): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A STIX id `type--uuid` whose UUIDv5 is derived from the type and a natural key. */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`${type}\n${key}`)}`;
}

/** A STIX timestamp (RFC 3339, UTC, milliseconds) from an ISO time or a `YYYY-MM-DD` date. */
export function stixTime(value: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) throw new Error(`not a time: ${value}`);
  return d.toISOString();
}
