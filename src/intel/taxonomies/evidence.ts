import type { Field, IncidentType } from "../../core/types.js";
import { normalize, toOriginal, type Normalized } from "../../extract/normalize/nfkc.js";
import { Reading } from "../../extract/reading.js";
import { sentenceAt, sentencesOf, type Sentence } from "../../extract/normalize/sentences.js";
import { clauseAround, hits, matchesOf, negated } from "../../extract/scan.js";
import type { NoticeInput } from "./tag.js";

/** Words of a notice that justify a tag: their span in the source, the source text and whether they are in the title. */
export interface Evidence {
  span: [number, number];
  text: string;
  inTitle: boolean;
  /** Offsets of the words in the notice's NFKC text (-1 for the extractor's own findings). */
  at: number;
  end: number;
}

/** The extractor's own evidence for a value, with its confidence. */
export interface FindingEvidence extends Evidence {
  confidence: number;
}

/** Where a search may look and what must hold around a hit. */
export interface FindOptions {
  /** Also look in advice to readers and promised measures (default: only what happened and why). */
  anywhere?: boolean;
  /** The sentence holding the hit must match this. */
  sentence?: RegExp;
  /** The clause holding the hit must not match this. */
  unlessClause?: RegExp;
}

// Denials the shared negation check leaves out: "情報漏洩は一切ない", "被害はなし".
const DENIED = /一切(?:な|ござい|あり)|(?:は|も)(?:ない|なし)(?:[。、]|$)/;
// Advice to readers and hypotheticals ("開封すると、…") name attacks and weaknesses without saying they happened.
const ADVICE = /ください|下さい|お願い|ご注意|お勧め|おすすめ|お控え|(?:する|した|開く)と、|たら、|場合(?:は|には)/;
// Polite announcements end in いたします without promising anything.
const ANNOUNCE = /(?:お知らせ|ご報告|ご連絡|ご案内|お詫び|おわび|判明|確認)(?:いた|致)します/g;
const FUTURE = /まいります|参ります|努めます|努める|図ります|講じます|予定です|今後|いたします|致します|行います|実施します|検討します|徹底します|強化します|求める/;
// A measure as a bare noun phrase ("…の徹底") or an instruction ("…を講ずること").
const MEASURE_END = /(?:強化|徹底|見直し|導入|(?<!未)実施|再発防止策?|防止策|対策)\s*。?$|(?:する|行う|講ずる|図る|とる|設ける)こと\s*。?$/;

// Where a compound sentence turns from what happened to what will be done ("…課題があったためと捉えており、…実施してまいります").
const TURN = /(?:ており|おり|ため|ので|が|ものの)、/g;

/** The part of a sentence, between turns, that holds offset `at`. */
function partAt(sentence: string, at: number): string {
  let start = 0;
  for (const m of matchesOf(TURN, sentence)) {
    const end = m.index + m[0].length;
    if (end > at) return sentence.slice(start, end);
    start = end;
  }
  return sentence.slice(start);
}

/** True when a sentence (the part of it around offset `at`) tells what happened or why, not what readers should do or what will be done. */
export function isNarrative(sentence: string, at = 0): boolean {
  if (ADVICE.test(sentence)) return false;
  const s = partAt(sentence, at).replace(ANNOUNCE, "");
  return !FUTURE.test(s) && !MEASURE_END.test(s);
}

/** One notice prepared for matching: NFKC text cut into sentences, with offsets that map back to the source. */
export class NoticeText {
  /** NFKC text of the notice. */
  readonly text: string;
  /** End of the title (the notice's first line) in `text`. */
  readonly titleEnd: number;
  /** The incident types the extractor settled. */
  readonly types: ReadonlySet<IncidentType>;
  /** The notice cut into sentences and list items. */
  readonly sentences: readonly Sentence[];
  private readonly norm: Normalized;
  private readonly reading: Reading;

  constructor(readonly input: NoticeInput) {
    this.reading = input.reading ?? new Reading(normalize(input.source.slice(input.span[0], input.span[1])));
    this.norm = this.reading.norm;
    this.text = this.reading.text;
    const nl = this.text.search(/\S\n/);
    this.titleEnd = nl < 0 ? this.text.length : nl + 1;
    this.sentences = sentencesOf(this.reading);
    this.types = new Set(input.fields.incident_types);
  }

  /** True when the extractor found any of these incident types. */
  has(...types: IncidentType[]): boolean {
    return types.some((t) => this.types.has(t));
  }

  /** The sentence holding NFKC offset `at`. */
  sentenceAt(at: number): Sentence | undefined {
    return sentenceAt(this.sentences, at);
  }

  /** Every hit of `re` that is stated, not denied, and (unless `anywhere`) neither advice nor a promised measure. */
  findAll(re: RegExp, opts: FindOptions = {}): Evidence[] {
    return this.collect(re, opts, Infinity);
  }

  /** The first `limit` hits `findAll` would give. */
  private collect(re: RegExp, opts: FindOptions, limit: number): Evidence[] {
    const out: Evidence[] = [];
    for (const h of hits(re, this.reading)) {
      if (out.length >= limit) break;
      if (this.denied(h.start, h.end)) continue;
      const s = this.sentenceAt(h.start);
      if (!s) continue;
      if (!opts.anywhere && !isNarrative(s.text, h.start - s.start)) continue;
      if (opts.sentence && !opts.sentence.test(s.text)) continue;
      if (opts.unlessClause) {
        const [cs, ce] = clauseAround(this.reading, h.start, h.end);
        if (opts.unlessClause.test(this.text.slice(cs, ce))) continue;
      }
      out.push(this.evidence(h.start, h.end));
    }
    return out;
  }

  /** True when the clause holding `[start, end)` denies it. */
  private denied(start: number, end: number): boolean {
    if (negated(this.reading, start, end)) return true;
    const ce = clauseAround(this.reading, start, end)[1];
    return DENIED.test(this.text.slice(end, ce));
  }

  /** The first hit `findAll` would give, or null. */
  find(re: RegExp, opts: FindOptions = {}): Evidence | null {
    return this.collect(re, opts, 1)[0] ?? null;
  }

  /** The extractor's evidence for one value of a field, when it lies inside the notice. */
  finding(field: Field, value: unknown): FindingEvidence | null {
    const [start, end] = this.input.span;
    const f = this.input.findings.find((x) => x.field === field && x.value === value && x.span[0] >= start && x.span[1] <= end && x.span[1] > x.span[0]);
    if (!f) return null;
    const titleEnd = start + toOriginal(this.norm, 0, this.titleEnd)[1];
    return { span: [f.span[0], f.span[1]], text: this.input.source.slice(f.span[0], f.span[1]), inTitle: f.span[0] < titleEnd, at: -1, end: -1, confidence: f.confidence };
  }

  /** Evidence for `[start, end)` of the NFKC text, as offsets into the source. */
  evidence(start: number, end: number): Evidence {
    const [s, e] = toOriginal(this.norm, start, end);
    const base = this.input.span[0];
    return { span: [base + s, base + e], text: this.input.source.slice(base + s, base + e), inTitle: start < this.titleEnd, at: start, end };
  }
}
