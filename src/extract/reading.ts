import { charactersOf, type TextCharacters } from "./prefilter.js";
import { normalize, type Normalized } from "./normalize/nfkc.js";

/**
 * One stretch of a decoded text as the rules read it: NFKC text with its map back to the source, and
 * what has been found in it (each pattern's matches, clause breaks, sentences, names), found once and
 * shared by every stage that reads the same stretch. Passed along, never kept in a module.
 */
export class Reading {
  /** The NFKC text that rules match against. */
  readonly text: string;
  private readonly found = new Map<unknown, unknown>();
  private characters: TextCharacters | null = null;

  constructor(
    /** The normalised text with, for every code unit, the offset it came from. */
    readonly norm: Normalized,
  ) {
    this.text = norm.text;
  }

  /** Which characters and pairs of characters the text holds, for patterns to tell they cannot match. */
  get chars(): TextCharacters {
    return (this.characters ??= charactersOf(this.text));
  }

  /** What `make` finds in the text, made on first asking under `key` (a pattern, a function) and shared after: read only. */
  once<K, T>(key: K, make: (text: string, key: K, reading: Reading) => T): T {
    let v = this.found.get(key) as T | undefined;
    if (v === undefined && !this.found.has(key)) {
      v = make(this.text, key, this);
      this.found.set(key, v);
    }
    return v as T;
  }
}

/** A stretch of text to read: a Reading whose findings are shared, or a bare string read afresh on every call. */
export type Subject = Reading | string;

/** The text of a subject. */
export function textOf(subject: Subject): string {
  return typeof subject === "string" ? subject : subject.text;
}

/**
 * The readings of one decoded text's stretches, each read once: the segmenter, the rules and the
 * taggers reading the same notice (or the same roundup part) share what was found in it.
 */
export class Readings {
  private readonly read = new Map<string, Reading>();

  constructor(
    /** The casefile's decoded text. */
    readonly source: string,
  ) {}

  /** The reading of `source[start, end)`. */
  of(start: number, end: number): Reading {
    const key = `${start}:${end}`;
    let r = this.read.get(key);
    if (!r) {
      r = new Reading(normalize(this.source.slice(start, end)));
      this.read.set(key, r);
    }
    return r;
  }
}
