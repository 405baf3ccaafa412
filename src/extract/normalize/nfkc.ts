/** Text normalised for matching, with a map back to the offsets of the original. */
export interface Normalized {
  /** NFKC text with line breaks unified to `\n` and runs of inline spaces kept as they were. */
  text: string;
  /** `origin[i]` is the original offset of normalised code unit `i`; `origin[text.length]` is the end. */
  origin: Int32Array;
}

// Code units that NFKC leaves alone and that never combine with a neighbour.
function isStable(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    c === 0x0a ||
    (c >= 0x3041 && c <= 0x3096) || // hiragana
    (c >= 0x30a1 && c <= 0x30fa) || // katakana
    c === 0x30fc ||
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3001 && c <= 0x3003) ||
    (c >= 0x3008 && c <= 0x3011)
  );
}

// Marks that NFKC may fold into the preceding character (dakuten, combining marks).
function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || c === 0xff9e || c === 0xff9f || c === 0x3099 || c === 0x309a;
}

/** NFKC-normalise `text` keeping, for every output code unit, the offset it came from. */
export function normalize(text: string): Normalized {
  const out: string[] = [];
  const origin: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isStable(c)) {
      // Copy the longest stable run in one go.
      let j = i + 1;
      while (j < n && isStable(text.charCodeAt(j))) j++;
      if (j < n && isCombining(text.charCodeAt(j)) && j - 1 > i) j--; // leave the base for its mark
      out.push(text.slice(i, j));
      for (let k = i; k < j; k++) origin.push(k);
      i = j;
      continue;
    }
    if (c === 0x0d) {
      // \r\n and lone \r become \n
      out.push("\n");
      origin.push(i);
      i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    // A cluster: one code point plus any combining marks that follow it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isCombining(text.charCodeAt(j))) j++;
    const piece = text.slice(i, j).normalize("NFKC");
    out.push(piece);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    i = j;
  }
  origin.push(n);
  return { text: out.join(""), origin: Int32Array.from(origin) };
}

/** Map a span of normalised text back to the original text's offsets. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  const o = norm.origin;
  const s = o[start] ?? 0;
  if (end <= start) return [s, s];
  // End at the end of the cluster that produced the last normalised code unit.
  const last = o[end - 1] ?? s;
  let k = end;
  while (k < o.length - 1 && o[k] === last) k++;
  return [s, o[k] ?? last + 1];
}
