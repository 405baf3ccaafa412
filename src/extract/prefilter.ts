import { parseRegExpLiteral } from "@eslint-community/regexpp";
import type { Alternative, Element, Node } from "@eslint-community/regexpp/ast";

// A pattern cannot match a text that holds none of the ways its matches can begin. The rules ask some two
// hundred patterns of every notice and most find nothing there: knowing how each pattern's matches begin
// (their first three characters, read off its syntax tree once) and which runs of characters a text holds
// (once per reading) spares scanning a text for a pattern that cannot be in it. So does knowing how each
// later part of an alternative begins: every match holds it. What a pattern may begin with is never
// understated: when the tree does not tell, the text is scanned as before.

/** How matches may begin: strings of up to k (three) code units (one when the match may end after it, or padded with UNKNOWN when anything may follow); null when anything may begin it. */
type Prefixes = Set<string> | null;

/** Past this many, a set of beginnings is not worth listing: the pattern is scanned as before. */
const WIDEST = 4096;
const SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const DIGITS = "0123456789";
// \w, and under /iu the two letters that fold into it (ſ, the Kelvin sign).
const WORD = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_\u017f\u212a`;

// Stands for a code unit that may be anything (what follows a negated class, a dot): never looked up.
const UNKNOWN = "\uffff";

/** Each string of `a` followed by each of `b`, cut to `k` code units; a string of `a` already `k` long stays as it is. */
function concat(a: Prefixes, b: Prefixes, k: number): Prefixes {
  if (a === null) return null;
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= k) { out.add(x); continue; }
    // What follows is unknown: the beginning known so far still holds (padded, so nothing is appended
    // to it), unless nothing is known yet.
    if (b === null) {
      if (x === "") return null;
      out.add(x.padEnd(k, UNKNOWN));
      continue;
    }
    for (const y of b) out.add((x + y).slice(0, k));
    if (out.size > WIDEST) return null;
  }
  return out;
}

/** The strings of both sets. */
function union(a: Prefixes, b: Prefixes): Prefixes {
  if (a === null || b === null) return null;
  for (const x of b) a.add(x);
  return a.size > WIDEST ? null : a;
}

/** The strings one character of the pattern matches, folded for /i (null when folding leaves ASCII: give up). */
function characters(value: number, ignoreCase: boolean): Prefixes {
  const s = String.fromCodePoint(value);
  const out = new Set([s]);
  if (!ignoreCase) return out;
  const lower = s.toLowerCase(), upper = s.toUpperCase();
  if (value > 0x7f && (lower !== s || upper !== s)) return null;
  out.add(lower).add(upper);
  if (/[ks]/i.test(s)) out.add(/k/i.test(s) ? "\u212a" : "\u017f");
  return out;
}

/** How a match of one of the alternatives may begin. */
function ofAlternatives(alternatives: readonly Alternative[], k: number, ignoreCase: boolean): Prefixes {
  let out: Prefixes = new Set();
  for (const a of alternatives) out = union(out, ofSequence(a.elements, k, ignoreCase));
  return out;
}

/** How a match of a sequence may begin: each element's beginnings followed by the rest's, up to `k` code units. */
function ofSequence(elements: readonly Element[], k: number, ignoreCase: boolean): Prefixes {
  let out: Prefixes = new Set([""]);
  for (const e of elements) {
    if (out === null || [...out].every((x) => x.length >= k)) break;
    out = concat(out, ofElement(e, k, ignoreCase), k);
  }
  return out;
}

/** How a match of one element may begin ("" when it may match nothing). */
function ofElement(e: Node, k: number, ignoreCase: boolean): Prefixes {
  switch (e.type) {
    case "Character":
      return characters(e.value, ignoreCase);
    case "CharacterSet":
      if (e.kind === "any" || e.kind === "property" || e.negate) return null;
      return new Set(e.kind === "digit" ? DIGITS : e.kind === "space" ? SPACES : WORD);
    case "CharacterClass": {
      if (e.negate || e.unicodeSets) return null;
      let out: Prefixes = new Set();
      for (const c of e.elements) {
        if (c.type === "CharacterClassRange") {
          if (c.max.value - c.min.value > WIDEST || c.max.value > 0xffff) return null;
          for (let v = c.min.value; v <= c.max.value && out; v++) {
            if (ignoreCase) out = union(out, characters(v, true));
            else out.add(String.fromCharCode(v));
          }
        } else out = union(out, ofElement(c, k, ignoreCase));
        if (out === null) return null;
      }
      return out;
    }
    case "Group":
    case "CapturingGroup":
      return ofAlternatives(e.alternatives, k, ignoreCase);
    case "Quantifier": {
      // r repetitions for r from min to max; past k of them every beginning is already k long.
      const one = ofElement(e.element, k, ignoreCase);
      let reps: Prefixes = new Set([""]);
      let out: Prefixes = e.min === 0 ? new Set([""]) : new Set();
      for (let r = 1; r <= Math.min(e.max, k) && out; r++) {
        reps = concat(reps, one, k);
        if (reps === null) return null;
        if (r >= Math.min(e.min, k)) out = union(out, reps);
      }
      return out;
    }
    case "Assertion":
      // Anchors, word boundaries and lookarounds consume nothing: the match begins with what follows them.
      return new Set([""]);
    default:
      // A backreference (or anything newer) may match anything.
      return null;
  }
}

/**
 * What a pattern's matches may begin with, by first code unit: a unit alone (the pattern tells no more
 * after it, or the match may end there), or the runs of two or three it opens, as their bits in a text's
 * filter. A text lacking a first unit is not asked for its runs.
 */
interface Beginnings {
  /** The first code units, each once. */
  firsts: Uint16Array;
  /** For each first unit, where its runs' bits start in `grams` (-1: the unit stands alone) and where they end. */
  starts: Int32Array;
  ends: Int32Array;
  /** Two bits per run, in the order of `firsts`. */
  grams: Uint32Array;
}

/** A set of beginnings as a text's filter reads them; null when the set tells nothing (empty, or anything may begin). */
function compile(set: Prefixes): Beginnings | null {
  if (set === null || ![...set].some((x) => x !== "")) return null;
  // Runs by their first unit; null: the unit alone is all that is known.
  const byFirst = new Map<number, number[] | null>();
  for (const padded of set) {
    const g = padded.replace(/\uffff+$/, "");
    if (g === "") continue;
    const c = g.charCodeAt(0);
    if (g.length === 1) { byFirst.set(c, null); continue; }
    const runs = byFirst.get(c);
    if (runs === null) continue;
    const bits = bitsOf(g.length === 2 ? gram2(c, g.charCodeAt(1)) : gram3(c, g.charCodeAt(1), g.charCodeAt(2)));
    if (runs) runs.push(...bits);
    else byFirst.set(c, bits);
  }
  const firsts: number[] = [], starts: number[] = [], ends: number[] = [], grams: number[] = [];
  for (const [c, runs] of byFirst) {
    firsts.push(c);
    starts.push(runs ? grams.length : -1);
    if (runs) grams.push(...runs);
    ends.push(grams.length);
  }
  return { firsts: Uint16Array.from(firsts), starts: Int32Array.from(starts), ends: Int32Array.from(ends), grams: Uint32Array.from(grams) };
}

/** Beginnings read at three code units where the sets stay small, else two, else one. */
function widest(read: (k: number) => Prefixes): Prefixes {
  return read(3) ?? read(2) ?? read(1);
}

const known = new WeakMap<RegExp, Beginnings | null>();

/** How a non-empty match of `re` may begin; null when anything may. Read once per pattern. */
export function beginningsOf(re: RegExp): Beginnings | null {
  let out = known.get(re);
  if (out === undefined) {
    const { pattern, flags } = parseRegExpLiteral(re);
    out = compile(widest((k) => ofAlternatives(pattern.alternatives, k, flags.ignoreCase)));
    known.set(re, out);
  }
  return out;
}

// A match of an alternative holds a match of every tail of its sequence (メール署名 holds ール署 and ル署名): for
// each alternative, how each of its tails that cannot match nothing may begin. A text lacking one of them holds
// no match of the alternative, whatever its beginning (a text holding メール only holds no メール署名).
const tails = new WeakMap<RegExp, Beginnings[][] | null>();

/** For each alternative of `re`, the beginnings of its tails (two code units: every tail is read, the wider sets of three cost more than they rule out) that must be in a text it matches; null when one alternative needs nothing. */
function tailsOf(re: RegExp): Beginnings[][] | null {
  let out = tails.get(re);
  if (out === undefined) {
    const { pattern, flags } = parseRegExpLiteral(re);
    const each = pattern.alternatives.map(({ elements }) => elements.flatMap((e, i) => {
      // A tail that opens on what a match may skip (an assertion, an optional part) needs less than the one after it.
      if (e.type === "Assertion" || (e.type === "Quantifier" && e.min === 0)) return [];
      const set = ofSequence(elements.slice(i), 2, flags.ignoreCase) ?? ofSequence(elements.slice(i), 1, flags.ignoreCase);
      const needed = set === null || set.has("") ? null : compile(set);
      return needed ? [needed] : [];
    }));
    out = each.some((needs) => needs.length === 0) ? null : each;
    tails.set(re, out);
  }
  return out;
}

// Runs of two and three code units are hashed into one filter of 131,072 bits, two bits a run: it may say a
// run is there when it is not (rarely: a notice sets a few thousand bits), never the reverse.
const gram2 = (a: number, b: number) => Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca77);
const gram3 = (a: number, b: number, c: number) => Math.imul(gram2(a, b) ^ c, 0xc2b2ae35);
const bitsOf = (h: number): [number, number] => [h >>> 15, Math.imul(h ^ (h >>> 13), 0x27d4eb2f) >>> 15];

/** Which code units a text holds (one bit each), and a filter of its runs of two and three. */
export interface TextCharacters {
  units: Uint32Array;
  grams: Uint32Array;
}

/** The characters and the runs of two and three characters of a text. */
export function charactersOf(text: string): TextCharacters {
  const units = new Uint32Array(2048);
  const grams = new Uint32Array(4096);
  // gram2 and gram3 as above, unrolled: the run of two ending here is the start of the run of three ending next.
  let prev = -1, two = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[c >>> 5]! |= 1 << (c & 31);
    if (i >= 2) {
      const h = Math.imul(two ^ c, 0xc2b2ae35);
      const x = h >>> 15, y = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) >>> 15;
      grams[x >>> 5]! |= 1 << (x & 31);
      grams[y >>> 5]! |= 1 << (y & 31);
    }
    if (i >= 1) {
      two = Math.imul(Math.imul(prev, 0x9e3779b1) ^ c, 0x85ebca77);
      const x = two >>> 15, y = Math.imul(two ^ (two >>> 13), 0x27d4eb2f) >>> 15;
      grams[x >>> 5]! |= 1 << (x & 31);
      grams[y >>> 5]! |= 1 << (y & 31);
    }
    prev = c;
  }
  return { units, grams };
}

// What mayMatch reads of a pattern, laid out in one array read front to back (cheaper than the objects it is made from):
// the set of beginnings, then the number of alternatives and, for each, where it ends and the sets of its tails. A set is
// where it ends, then for each first code unit the unit, its number of runs (-1: the unit alone) and two bits per run.
// -1 stands for what tells nothing: beginnings not known, or no tails to ask (an alternative needs none).
const programs = new WeakMap<RegExp, Int32Array>();

/** Append a set of beginnings to `out`. */
function lay(b: Beginnings, out: number[]): void {
  const at = out.push(0) - 1;
  for (let i = 0; i < b.firsts.length; i++) {
    const start = b.starts[i]!;
    out.push(b.firsts[i]!);
    if (start < 0) out.push(-1);
    else out.push((b.ends[i]! - start) / 2, ...b.grams.subarray(start, b.ends[i]!));
  }
  out[at] = out.length;
}

/** What mayMatch reads of `re`, laid out once per pattern. */
function programOf(re: RegExp): Int32Array {
  let p = programs.get(re);
  if (p === undefined) {
    const out: number[] = [];
    const b = beginningsOf(re);
    if (b === null) out.push(-1);
    else lay(b, out);
    const needs = tailsOf(re);
    if (needs === null) out.push(-1);
    else {
      out.push(needs.length);
      for (const tails of needs) {
        const at = out.push(0) - 1;
        for (const t of tails) lay(t, out);
        out[at] = out.length;
      }
    }
    p = Int32Array.from(out);
    programs.set(re, p);
  }
  return p;
}

/** True when the text holds one of the beginnings of the set laid at `p[at]`. */
function holds(p: Int32Array, at: number, units: Uint32Array, grams: Uint32Array): boolean {
  for (let i = at + 1, end = p[at]!; i < end;) {
    const c = p[i]!, runs = p[i + 1]!;
    i += 2;
    if (!(units[c >>> 5]! & (1 << (c & 31)))) {
      if (runs > 0) i += 2 * runs;
      continue;
    }
    if (runs < 0) return true;
    for (const last = i + 2 * runs; i < last; i += 2) {
      const x = p[i]!, y = p[i + 1]!;
      if (grams[x >>> 5]! & (1 << (x & 31)) && grams[y >>> 5]! & (1 << (y & 31))) return true;
    }
  }
  return false;
}

/** False when the text holds none of the ways a match of `re` may begin, or lacks a tail every match of an alternative holds. */
export function mayMatch(re: RegExp, chars: TextCharacters): boolean {
  const p = programOf(re);
  const { units, grams } = chars;
  let i = 1;
  if (p[0]! >= 0) {
    if (!holds(p, 0, units, grams)) return false;
    i = p[0]!;
  }
  const alternatives = p[i]!;
  if (alternatives < 0) return true;
  for (let a = 0, at = i + 1; a < alternatives; a++) {
    const end = p[at]!;
    let t = at + 1;
    while (t < end && holds(p, t, units, grams)) t = p[t]!;
    if (t >= end) return true;
    at = end;
  }
  return false;
}
