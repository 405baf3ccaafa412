/** A sentence or list item of a notice, with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Cut text into sentences: at 。 and at line breaks (list items and headings stand alone). */
export function sentencesOf(text: string): Sentence[] {
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
  return out;
}
