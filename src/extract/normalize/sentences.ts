import type { Subject } from "../reading.js";
import { matchesOf } from "../scan.js";

/** A sentence or list item of a notice, with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Cut text into sentences: at 。 and at line breaks (list items and headings stand alone); a Reading is cut once, its sentences shared. */
export function sentencesOf(subject: Subject): readonly Sentence[] {
  return typeof subject === "string" ? cut(subject) : subject.once(cut, cut);
}

/** The sentences of `text`. */
function cut(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /(?:[^。\n]|。(?=[)）」』]))+[。]?/g;
  for (const m of matchesOf(re, text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) continue;
    const start = m.index! + lead;
    out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

// A line that starts a list item or a heading, not the rest of a wrapped sentence ("12月までの…" is).
const CONTINUES = /^(?:[・･●○\-*■□◆◇【①-⑳]|\d+\s*[.．、)）]|\d+\s|[(（]\d+[)）])/;

/**
 * The notice's sentences, plus each sentence that a hard line break cut ("…氏名や住所などのほか、\n進学先…
 * が含まれていた。") joined back: a line of prose that does not end a sentence runs on into the next
 * unless that one starts a list item or a heading; joined up to five lines, kept when it ends with 。.
 */
export function proseSentences(text: string, ss: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [...ss];
  for (let i = 0; i < ss.length; i++) {
    const s = ss[i]!;
    // A question ends its sentence (an FAQ's answer follows on the next line).
    if (s.text.endsWith("。") || /[?？]$/.test(s.text) || s.text.length < 15 || CONTINUES.test(s.text)) continue;
    let j = i;
    while (j + 1 < ss.length && j - i < 4 && !ss[j]!.text.endsWith("。")) {
      const next = ss[j + 1]!;
      if (!/^[ \t]*\n[ \t\u3000]*$/.test(text.slice(ss[j]!.end, next.start)) || CONTINUES.test(next.text)) break;
      j++;
    }
    if (j > i && ss[j]!.text.endsWith("。")) out.push({ start: s.start, end: ss[j]!.end, text: text.slice(s.start, ss[j]!.end) });
  }
  return out;
}

/** The sentence holding offset `at` (sentences in text order), found by bisection. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.start <= at ? s : undefined;
}
