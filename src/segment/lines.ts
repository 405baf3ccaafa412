/** One line of a text with its offsets (the newline excluded). */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Split text into lines with their offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lines.push({ index: index++, start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** True for a line holding nothing but white space. */
export function isBlank(line: Line | undefined): boolean {
  return !line || line.text.trim() === "";
}
