import type { Context } from "hono";
import { position, type Entry } from "./entries.js";
import { TaxiiError } from "./errors.js";

/** Page size when the client gives no limit, and the largest page served. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** What a request asks of a collection: filters, and which page. */
export interface Selection {
  limit: number;
  /** The position after which the page starts (from `next`), or null for the first page. */
  after: string[] | null;
  addedAfter: number | null;
  ids: string[] | null;
  types: string[] | null;
  /** `first`, `last`, `all` and exact versions (as epoch milliseconds). */
  versions: { first: boolean; last: boolean; all: boolean; at: Set<number> };
  specVersions: string[] | null;
}

/** A page of entries and how to ask for the one after it. */
export interface Page {
  items: Entry[];
  more: boolean;
  next?: string;
}

const bad = (message: string) => new TaxiiError(400, "bad request", message);

/** True for a timestamp as STIX and TAXII write them (RFC 3339, UTC). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === "string" && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds of a TAXII timestamp, or a 400 naming the parameter. */
function timestamp(value: string, name: string): number {
  if (!isTimestamp(value)) throw bad(`${name} must be a timestamp such as 2025-01-31T00:00:00.000Z (got ${value})`);
  return Date.parse(value);
}

/** The values of a parameter: repeated and comma-separated values together, or null when absent. */
function listParam(c: Context, name: string): string[] | null {
  const values = c.req.queries(name);
  if (!values) return null;
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

/** The opaque `next` value that continues after an entry. */
function cursor(e: Entry): string {
  return Buffer.from(JSON.stringify(position(e))).toString("base64url");
}

/** The position a `next` value stands for, or a 400 when it is not one this server gave. */
function parseCursor(value: string): string[] {
  try {
    const p = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(p) && p.length === 3 && p.every((x) => typeof x === "string")) return p as string[];
  } catch {
    // fall through to the error below
  }
  throw bad("next is not a value this server gave");
}

/** The selection a request's query asks for; `fixed` leaves out the filters an endpoint does not take. */
export function selection(c: Context, fixed: { ids?: string[]; versions?: "all" } = {}): Selection {
  const limitText = c.req.query("limit");
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1) throw bad(`limit must be a positive integer (got ${limitText})`);
    limit = Math.min(Number(limitText), MAX_LIMIT);
  }
  const next = c.req.query("next");
  const addedAfter = c.req.query("added_after");
  const wanted = fixed.versions === "all" ? ["all"] : listParam(c, "match[version]") ?? ["last"];
  const versions = { first: false, last: false, all: false, at: new Set<number>() };
  for (const v of wanted) {
    if (v === "first" || v === "last" || v === "all") versions[v] = true;
    else versions.at.add(timestamp(v, "match[version]"));
  }
  return {
    limit,
    after: next === undefined ? null : parseCursor(next),
    addedAfter: addedAfter === undefined ? null : timestamp(addedAfter, "added_after"),
    ids: fixed.ids ?? listParam(c, "match[id]"),
    types: fixed.ids ? null : listParam(c, "match[type]"),
    versions,
    specVersions: listParam(c, "match[spec_version]"),
  };
}

/** The versions of each object a selection keeps: by spec version, then first, last, all or exact versions. */
function chooseVersions(entries: Entry[], s: Selection): Entry[] {
  const latestSpec = new Map<string, string>();
  for (const e of entries) if ((latestSpec.get(e.id) ?? "") < e.spec_version) latestSpec.set(e.id, e.spec_version);
  const specOk = entries.filter((e) => (s.specVersions ? s.specVersions.includes(e.spec_version) : latestSpec.get(e.id) === e.spec_version));
  if (s.versions.all) return specOk;
  const first = new Map<string, number>(), last = new Map<string, number>();
  for (const e of specOk) {
    const t = Date.parse(e.version);
    const f = first.get(e.id), l = last.get(e.id);
    if (f === undefined || t < f) first.set(e.id, t);
    if (l === undefined || t > l) last.set(e.id, t);
  }
  return specOk.filter((e) => {
    const t = Date.parse(e.version);
    return (s.versions.first && first.get(e.id) === t) || (s.versions.last && last.get(e.id) === t) || s.versions.at.has(t);
  });
}

/** The entries a selection matches, in collection order (entries must come in that order). */
export function matching(entries: Entry[], s: Selection): Entry[] {
  const ids = s.ids ? new Set(s.ids) : null;
  const types = s.types ? new Set(s.types) : null;
  const chosen = chooseVersions(entries.filter((e) => (!ids || ids.has(e.id)) && (!types || types.has(e.type))), s);
  return s.addedAfter === null ? chosen : chosen.filter((e) => Date.parse(e.date_added) > s.addedAfter!);
}

/** One page of matching entries: those after the `next` position, up to the limit. */
export function paged(entries: Entry[], s: Selection): Page {
  const after = s.after;
  const start = after === null ? 0 : entries.findIndex((e) => {
    const p = position(e);
    for (let i = 0; i < p.length; i++) if (p[i] !== after[i]) return p[i]! > after[i]!;
    return false;
  });
  const rest = start < 0 ? [] : entries.slice(start);
  const items = rest.slice(0, s.limit);
  const more = rest.length > items.length;
  return more ? { items, more, next: cursor(items.at(-1)!) } : { items, more };
}

/** The X-TAXII-Date-Added-First and -Last headers of a page (none when it is empty). */
export function dateHeaders(c: Context, items: Entry[]): void {
  if (items.length === 0) return;
  c.header("X-TAXII-Date-Added-First", items[0]!.date_added);
  c.header("X-TAXII-Date-Added-Last", items.at(-1)!.date_added);
}
