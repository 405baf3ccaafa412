/** Map full-width ASCII (２０２４, ＃, ＡＢＣ) and the ideographic space to ASCII, keeping every offset (one unit per unit). */
export function foldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000\ufe52]/g, (c) =>
    c === "\u3000" ? " " : c === "\ufe52" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
