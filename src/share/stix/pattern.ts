import { indicatorKind } from "../../store/records.js";

/** The kinds of indicator Jikenbo records, as STIX patterns and MISP attributes need them. */
export type IndicatorKind = "email" | "url" | "domain" | "ipv4" | "ipv6" | "md5" | "sha1" | "sha256";

/** What kind of indicator a recorded value is (hashes told apart by length). */
export function kindOfIndicator(value: string): IndicatorKind {
  const k = indicatorKind(value);
  if (k !== "hash") return k as IndicatorKind;
  return value.length === 32 ? "md5" : value.length === 40 ? "sha1" : "sha256";
}

/** Escape a value for a STIX pattern string literal: `\` becomes `\\` and `'` becomes `\'`. */
export function escapePatternString(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
}

/** The object path a kind of indicator is compared on. */
const PATHS: Readonly<Record<IndicatorKind, string>> = {
  email: "email-addr:value", url: "url:value", domain: "domain-name:value", ipv4: "ipv4-addr:value", ipv6: "ipv6-addr:value",
  md5: "file:hashes.MD5", sha1: "file:hashes.'SHA-1'", sha256: "file:hashes.'SHA-256'",
};

/** The STIX pattern that matches one indicator, e.g. `[url:value = 'https://x.example/a\'b']`. */
export function indicatorPattern(value: string, kind: IndicatorKind = kindOfIndicator(value)): string {
  return `[${PATHS[kind]} = '${escapePatternString(kind === "md5" || kind === "sha1" || kind === "sha256" ? value.toLowerCase() : value)}']`;
}

/** One comparison of a parsed pattern. */
export interface Comparison {
  objectType: string;
  /** Property names, list indexes, or "*" for any index. */
  path: (string | number)[];
  op: string;
  negated: boolean;
  value: unknown;
}

type Token = { kind: "punct" | "op" | "word" | "string" | "number" | "typed"; text: string; value?: unknown; at: number };

const TOKEN = /\s*(?:(?<typed>[bht]'(?:[^'\\]|\\.)*')|(?<string>'(?:[^'\\]|\\.)*')|(?<number>[+-]?(?:\d+\.\d+|\.\d+|\d+))|(?<op>!=|<>|<=|>=|=|<|>)|(?<punct>[[\](),:.*])|(?<word>[A-Za-z_][A-Za-z0-9_-]*))/y;
const KEYWORDS = new Set(["AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "IN", "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES"]);
const TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;

/** Cyber-observable types STIX 2.1 defines. */
const SCO_TYPES = new Set([
  "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr",
  "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate",
]);
/** Top-level properties of the observable types Jikenbo patterns use. */
const SCO_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  "email-addr": ["value", "display_name", "belongs_to_ref", "id", "type"],
  url: ["value", "id", "type"],
  "domain-name": ["value", "resolves_to_refs", "id", "type"],
  "ipv4-addr": ["value", "resolves_to_refs", "belongs_to_refs", "id", "type"],
  "ipv6-addr": ["value", "resolves_to_refs", "belongs_to_refs", "id", "type"],
  file: ["hashes", "size", "name", "name_enc", "magic_number_hex", "mime_type", "ctime", "mtime", "atime", "parent_directory_ref", "contains_refs", "content_ref", "extensions", "id", "type"],
};
/** hash-algorithm-ov. */
const HASH_ALGORITHMS = new Set(["MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH"]);

/** Raised for a pattern that does not follow the STIX 2.1 patterning grammar. */
export class PatternError extends Error {
  override name = "PatternError";
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m?.groups) throw new PatternError(`unexpected character at ${at}: ${JSON.stringify(src.slice(at, at + 10))}`);
    const g = m.groups;
    const start = m.index + m[0].length - (g.typed ?? g.string ?? g.number ?? g.op ?? g.punct ?? g.word ?? "").length;
    if (g.typed) out.push({ kind: "typed", text: g.typed, value: unescape(g.typed.slice(2, -1)), at: start });
    else if (g.string) out.push({ kind: "string", text: g.string, value: unescape(g.string.slice(1, -1)), at: start });
    else if (g.number) out.push({ kind: "number", text: g.number, value: Number(g.number), at: start });
    else if (g.op) out.push({ kind: "op", text: g.op, at: start });
    else if (g.punct) out.push({ kind: "punct", text: g.punct, at: start });
    else out.push({ kind: "word", text: g.word!, at: start });
    at = TOKEN.lastIndex;
  }
  return out;
}

/** Undo the two escapes a string literal may hold; any other backslash is an error. */
function unescape(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => {
    if (c !== "'" && c !== "\\") throw new PatternError(`invalid escape \\${c} in a string literal`);
    return c;
  });
}

/** A recursive-descent parser of the STIX 2.1 patterning grammar. */
class Parser {
  private i = 0;
  readonly comparisons: Comparison[] = [];
  constructor(private readonly t: Token[]) {}

  private peek(): Token | undefined { return this.t[this.i]; }
  private is(text: string): boolean { const p = this.peek(); return p !== undefined && p.kind !== "string" && p.kind !== "typed" && p.text === text; }
  private take(text?: string): Token {
    const p = this.peek();
    if (!p || (text !== undefined && !this.is(text))) throw new PatternError(`expected ${text ?? "more"} at ${p ? `${p.at} (${p.text})` : "the end"}`);
    this.i++;
    return p;
  }

  pattern(): void {
    if (this.t.length === 0) throw new PatternError("empty pattern");
    this.observations();
    if (this.peek()) throw new PatternError(`unexpected ${this.peek()!.text} at ${this.peek()!.at}`);
  }

  private observations(): void {
    this.observationOr();
    while (this.is("FOLLOWEDBY")) { this.take(); this.observationOr(); }
  }

  private observationOr(): void {
    this.observationAnd();
    while (this.is("OR")) { this.take(); this.observationAnd(); }
  }

  private observationAnd(): void {
    this.observation();
    while (this.is("AND")) { this.take(); this.observation(); }
  }

  private observation(): void {
    if (this.is("[")) { this.take(); this.comparisonOr(); this.take("]"); }
    else if (this.is("(")) { this.take(); this.observations(); this.take(")"); }
    else throw new PatternError(`expected [ or ( at ${this.peek()?.at ?? "the end"}`);
    for (;;) {
      if (this.is("START")) {
        this.take();
        const from = this.timestamp();
        this.take("STOP");
        const to = this.timestamp();
        if (from >= to) throw new PatternError("START must be before STOP");
      } else if (this.is("WITHIN")) {
        this.take();
        const n = this.take();
        if (n.kind !== "number" || (n.value as number) <= 0) throw new PatternError("WITHIN takes a positive number of seconds");
        this.take("SECONDS");
      } else if (this.is("REPEATS")) {
        this.take();
        const n = this.take();
        if (n.kind !== "number" || !Number.isInteger(n.value) || (n.value as number) <= 0) throw new PatternError("REPEATS takes a positive integer");
        this.take("TIMES");
      } else return;
    }
  }

  private timestamp(): string {
    const p = this.take();
    if (p.kind !== "typed" || !p.text.startsWith("t") || !TIMESTAMP.test(p.value as string)) throw new PatternError(`expected a timestamp literal t'…' at ${p.at}`);
    return p.value as string;
  }

  private comparisonOr(): void {
    this.comparisonAnd();
    while (this.is("OR")) { this.take(); this.comparisonAnd(); }
  }

  private comparisonAnd(): void {
    this.propTest();
    while (this.is("AND")) { this.take(); this.propTest(); }
  }

  private propTest(): void {
    if (this.is("(")) { this.take(); this.comparisonOr(); this.take(")"); return; }
    if (this.is("EXISTS")) { this.take(); this.objectPath(); return; }
    const path = this.objectPath();
    const negated = this.is("NOT") ? (this.take(), true) : false;
    const op = this.take();
    let value: unknown;
    if (op.kind === "op") {
      value = this.literal(op.text === "=" || op.text === "!=" || op.text === "<>");
    } else if (op.text === "IN") {
      this.take("(");
      const set: unknown[] = [];
      while (!this.is(")")) {
        if (set.length) this.take(",");
        set.push(this.literal(true));
      }
      this.take(")");
      value = set;
    } else if (["LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"].includes(op.text)) {
      const s = this.take();
      if (s.kind !== "string") throw new PatternError(`${op.text} takes a string literal at ${s.at}`);
      if (op.text === "MATCHES") {
        try { new RegExp(s.value as string); } catch { throw new PatternError(`MATCHES takes a valid regular expression at ${s.at}`); }
      }
      value = s.value;
    } else throw new PatternError(`expected a comparison operator at ${op.at} (${op.text})`);
    this.comparisons.push({ ...path, op: op.text, negated, value });
  }

  private literal(allowBool: boolean): unknown {
    const p = this.take();
    if (p.kind === "string" || p.kind === "number") return p.value;
    if (p.kind === "typed") {
      const body = p.value as string;
      if (p.text.startsWith("t") && !TIMESTAMP.test(body)) throw new PatternError(`invalid timestamp literal at ${p.at}`);
      if (p.text.startsWith("h") && !/^(?:[0-9a-fA-F]{2})*$/.test(body)) throw new PatternError(`invalid hex literal at ${p.at}`);
      if (p.text.startsWith("b") && !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(body)) throw new PatternError(`invalid binary literal at ${p.at}`);
      return body;
    }
    if (allowBool && p.kind === "word" && (p.text === "true" || p.text === "false")) return p.text === "true";
    throw new PatternError(`expected a literal at ${p.at} (${p.text})`);
  }

  private objectPath(): { objectType: string; path: (string | number)[] } {
    const type = this.take();
    if (type.kind !== "word" || KEYWORDS.has(type.text) || !/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(type.text)) throw new PatternError(`expected an object type at ${type.at}`);
    if (!SCO_TYPES.has(type.text) && !type.text.startsWith("x-")) throw new PatternError(`unknown cyber-observable type ${type.text}`);
    this.take(":");
    const path: (string | number)[] = [this.pathName()];
    for (;;) {
      if (this.is(".")) { this.take(); path.push(this.pathName()); }
      else if (this.is("[")) {
        this.take();
        const idx = this.take();
        if (idx.text === "*") path.push("*");
        else if (idx.kind === "number" && Number.isInteger(idx.value)) path.push(idx.value as number);
        else throw new PatternError(`expected an index or * at ${idx.at}`);
        this.take("]");
      } else break;
    }
    const known = SCO_PROPERTIES[type.text];
    const first = path[0] as string;
    if (known && !known.includes(first) && !first.startsWith("x_")) throw new PatternError(`${type.text} has no property ${first}`);
    if (first === "hashes" && path.length > 1 && !HASH_ALGORITHMS.has(String(path[1]))) throw new PatternError(`unknown hash algorithm ${String(path[1])}`);
    return { objectType: type.text, path };
  }

  private pathName(): string {
    const p = this.take();
    if (p.kind === "string") return p.value as string;
    if (p.kind === "word" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.text)) return p.text;
    throw new PatternError(`expected a property name at ${p.at}`);
  }
}

/** Parse a STIX 2.1 pattern and return its comparisons; throws PatternError when the syntax or an object path is invalid. */
export function parsePattern(pattern: string): Comparison[] {
  const p = new Parser(tokenize(pattern));
  p.pattern();
  return p.comparisons;
}

/** The indicator a simple pattern (`[type:value = '…']` or a file hash) matches, or null for anything else. */
export function indicatorOfPattern(pattern: string): { value: string; kind: IndicatorKind } | null {
  let cmp: Comparison[];
  try { cmp = parsePattern(pattern); } catch { return null; }
  const c = cmp[0];
  if (cmp.length !== 1 || !c || c.op !== "=" || c.negated || typeof c.value !== "string") return null;
  const key = `${c.objectType}:${c.path.join(".")}`;
  const kinds: Record<string, IndicatorKind> = {
    "email-addr:value": "email", "url:value": "url", "domain-name:value": "domain", "ipv4-addr:value": "ipv4", "ipv6-addr:value": "ipv6",
    "file:hashes.MD5": "md5", "file:hashes.SHA-1": "sha1", "file:hashes.SHA-256": "sha256",
  };
  const kind = kinds[key];
  return kind ? { value: c.value, kind } : null;
}
