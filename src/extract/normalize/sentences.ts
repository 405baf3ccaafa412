/** A sentence or list item of a notice, with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// The text cut last and its sentences: the extractor and the tagger both cut each notice.
let last: { text: string; sentences: readonly Sentence[] } | null = null;

/** Cut text into sentences: at 。 and at line breaks (list items and headings stand alone). The result is shared. */
export function sentencesOf(text: string): readonly Sentence[] {
  if (last?.text === text) return last.sentences;
  const out: Sentence[] = [];
  const re = /(?:[^。\n]|。(?=[)）」』]))+[。]?/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) continue;
    const start = m.index! + lead;
    out.push({ start, end: start + t.length, text: t });
  }
  last = { text, sentences: out };
  return out;
}
