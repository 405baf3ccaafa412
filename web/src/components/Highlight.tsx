/** Pieces of `text`: runs that match one of `words` (case-insensitive) and runs that do not. */
export function splitMatches(text: string, words: string[]): { text: string; hit: boolean }[] {
  const ws = words.map((w) => w.toLowerCase()).filter(Boolean);
  if (ws.length === 0) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const out: { text: string; hit: boolean }[] = [];
  let plain = 0;
  for (let i = 0; i < text.length;) {
    const w = ws.find((x) => lower.startsWith(x, i));
    if (!w) { i++; continue; }
    if (i > plain) out.push({ text: text.slice(plain, i), hit: false });
    out.push({ text: text.slice(i, i + w.length), hit: true });
    i += w.length;
    plain = i;
  }
  if (plain < text.length) out.push({ text: text.slice(plain), hit: false });
  return out;
}

/** Text with the query's words marked; everything stays text (no markup is ever interpreted). */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  return <>{splitMatches(text, words).map((p, i) => (p.hit ? <mark key={i} class="match">{p.text}</mark> : p.text))}</>;
}
