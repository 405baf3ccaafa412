// Line breaks a tool put in, not the author: a mail client or an editor wraps plain text at a fixed
// width, a PDF at its right margin. Both readers join such lines back into their paragraphs.

// A line that ends a sentence or a label, or that is all one bracket (「…」, 【…】), ends its paragraph
// wherever it stops; a bracket closed inside a sentence (「…」調査報告書を) does not, nor does an English
// abbreviation's point (Seki Co. / in Matsuyama).
export const ENDS_PARAGRAPH = /(?<!\b(?:Co|Inc|Ltd|Corp|Mr|Mrs|Ms|Dr|No|St|Jr|Sr|vs|etc|approx))[。．.!?！？:：]$|^[「『(（【〔].*[」』)）】〕]$/;
// A line that opens an item: a bullet, a number, a note, a bracketed heading, a timeline's date (「4月14日(月) …」).
export const OPENS_ITEM = /^(?:[・●○■□◆◇▪※＊*【〔\[(（①-⑳-]|\d{1,2}[.)．、]|[一二三四五六七八九十]+[.、．]|第\S{1,3}[章条節]|(?:1[0-2]|0?[1-9])\s?月\s?\d{1,2}\s?日|(?:19|20)\d{2}\s?[年/.-]\s?\d{1,2}|(?:令和|平成)\s?(?:\d{1,2}|元)\s?年)/;

/** Japanese and other characters set without spaces between words, as a character class's contents. */
export const CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff9f";
/** One of them. */
export const JAPANESE = new RegExp(`[${CJK}]`);

/** True for a character set two columns wide in a fixed-width font: kana, kanji, full-width forms, hangul. */
function wide(code: number): boolean {
  // Most characters are ASCII, kana or kanji: told first.
  if (code < 0x1100) return false;
  if ((code >= 0x3041 && code <= 0x33ff) || (code >= 0x4e00 && code <= 0x9fff)) return true;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);
}

/** Columns a text takes in a fixed-width font: two for a wide (Japanese) character. */
export function columns(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += wide(text.charCodeAt(i)) ? 2 : 1;
  return n;
}

/** What joins two lines of one paragraph: nothing inside Japanese, which breaks anywhere; a space between English words. */
export function joint(before: string, after: string): string {
  return JAPANESE.test(before) || JAPANESE.test(after[0] ?? "") ? "" : " ";
}

const NON_JAPANESE_WORD = new RegExp(`^[^\\s${CJK}]*`);

/** Columns the first word of a line takes (a Japanese character is a word), with the space before it. */
function firstWord(line: string): number {
  const t = line.trimStart();
  // A word of digits or Latin letters ends where Japanese begins (「2025年…」: the word is 2025).
  return JAPANESE.test(t[0] ?? "") ? columns(t[0]!) : columns(NON_JAPANESE_WORD.exec(t)![0]) + 1;
}

/**
 * Plain text with the lines a fixed width wrapped joined into their paragraphs. The width is the longest
 * line's; a line is full when the next line's first word would not have fitted after it. A text is taken
 * for wrapped when at least four lines (two, when they reach the width), and a third of the lines longer
 * than half the width, are full;
 * then each full line that does not end its paragraph goes on in the next line, unless that opens an item.
 */
export function unwrapText(text: string): string {
  const lines = text.split("\n");
  const widths = lines.map((l) => columns(l.trimEnd()));
  const width = Math.max(...widths);
  if (width < 40) return text;
  const full = (i: number) => lines[i + 1] !== undefined && lines[i + 1]!.trim() !== "" && widths[i]! + firstWord(lines[i + 1]!) > width;
  const long = widths.filter((w) => w > width / 2).length;
  const fulled = lines.flatMap((_, i) => (full(i) ? [widths[i]!] : []));
  // A short text is taken for wrapped when two or more lines fill a wide page to its last column (or the one before a wide character).
  const flush = fulled.length >= 2 && width >= 60 && fulled.every((w) => w >= width - 1);
  if ((fulled.length < 4 && !flush) || fulled.length * 3 < long) return text;
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!.trimEnd(), lines[i]!];
    // (A line's trailing space, as a mail client leaves where it wrapped, is the joint itself.)
    out = full(i - 1) && !ENDS_PARAGRAPH.test(a) && !OPENS_ITEM.test(b.trimStart()) ? out.trimEnd() + joint(a, b.trimStart()) + b.trimStart() : `${out}\n${b}`;
  }
  return out;
}
