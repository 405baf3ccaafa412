import type { Field } from "../core/types.js";
import { sentenceAt, sentencesOf, type Sentence } from "../extract/normalize/sentences.js";
import type { IncidentDetail } from "../store/types.js";
import type { Quote } from "./types.js";

/** Longest quote kept whole; a longer sentence is cut to the words around the finding. */
const MAX_QUOTE = 160;

/** Archived documents' decoded texts by SHA-256 (null: no text), with their sentences cut once. */
export class Texts {
  private readonly sentences = new Map<string, readonly Sentence[]>();

  constructor(private readonly texts: ReadonlyMap<string, string | null>) {}

  /** The sentence of document `sha` holding the span, as a quote (cut around the span when long), or null without text. */
  quote(sha: string, span: readonly [number, number]): Quote | null {
    const text = this.texts.get(sha);
    if (!text) return null;
    let ss = this.sentences.get(sha);
    if (!ss) { ss = [...sentencesOf(text)]; this.sentences.set(sha, ss); }
    const s = sentenceAt(ss, span[0]) ?? { start: span[0], end: Math.min(text.length, span[1]), text: "" };
    const sEnd = Math.max(s.end, Math.min(text.length, span[1]));
    let start = s.start, end = sEnd;
    if (end - start > MAX_QUOTE) {
      start = Math.max(s.start, span[0] - 40);
      end = Math.min(sEnd, Math.max(span[1], start + MAX_QUOTE));
    }
    return { document: sha, start, end, text: text.slice(start, end), clipped_before: start > s.start, clipped_after: end < sEnd };
  }
}

/**
 * The sentences of an incident's notices that hold its findings of `fields`, in notice order, each
 * sentence once, at most `max`: the notice's own words, never composed ones. A notice's title is
 * quoted only when no sentence of a body says it.
 */
export function quotesOf(detail: IncidentDetail, fields: readonly Field[], texts: Texts, max: number): Quote[] {
  const out: Quote[] = [];
  const titles: Quote[] = [];
  for (const n of detail.notices) {
    const findings = n.findings.filter((f) => fields.includes(f.field)).sort((a, b) => a.span[0] - b.span[0]);
    for (const f of findings) {
      const q = texts.quote(n.document, f.span);
      if (!q || [...out, ...titles].some((o) => o.document === q.document && o.start < q.end && q.start < o.end)) continue;
      // The title heads the entry already: quoted only when no sentence of the body says it.
      if (n.title && (n.title.includes(q.text) || q.text.includes(n.title))) { titles.push(q); continue; }
      out.push(q);
      if (out.length >= max) return out;
    }
  }
  return out.length ? out : titles.slice(0, max);
}
