import { Marked, type Tokens } from "marked";
import type { SourceDocument } from "../../core/types.js";
import { UnreadableError, type FormatResult } from "./index.js";
import { wholeText } from "./html.js";
import { decodeText } from "./text.js";

// An English line wrapped within its sentence: long, ending on a word, the next going on with one.
const WRAPPED = /^.{50,}[A-Za-z0-9,;:]$/;
const GOES_ON = /^\s*[A-Za-z0-9("“]/;

/**
 * The Markdown with its line breaks made hard, as Japanese notices mean them (a letterhead's date over its
 * name), except where English prose was wrapped to a width: those lines stay one paragraph.
 */
function keepBreaks(md: string): string {
  const lines = md.split("\n");
  return lines.map((l, k) => {
    const next = lines[k + 1];
    if (next === undefined || l.trim() === "" || next.trim() === "" || (WRAPPED.test(l) && GOES_ON.test(next))) return l;
    return `${l.trimEnd()}  `;
  }).join("\n");
}

/**
 * Marked as it renders for reading: a list's items keep their marks (・, or their numbers), as rules read
 * a text's items by them; tildes stay; an autolink keeps its angle brackets (送信元: X <addr>).
 */
const markdown = new Marked({
  gfm: true,
  renderer: {
    list(token: Tokens.List): string {
      const first = typeof token.start === "number" ? token.start : 1;
      return `<div>${token.items.map((item, k) => `<div>${token.ordered ? `${first + k}. ` : "・"}${this.parser.parse(item.tokens)}</div>`).join("")}</div>`;
    },
    // Japanese writes a range with a tilde (2月9日~2月27日): GFM's strikethrough would take the tildes away.
    del(token: Tokens.Del): string {
      const mark = token.raw.startsWith("~~") ? "~~" : "~";
      return `${mark}${this.parser.parseInline(token.tokens)}${mark}`;
    },
    link(token: Tokens.Link): string | false {
      return token.raw.startsWith("<") ? `&lt;${this.parser.parseInline(token.tokens)}&gt;` : false;
    },
  },
});

/**
 * Read a Markdown document (a notice kept in notes, a wiki or a repository): rendered to HTML by marked
 * (GitHub's dialect: tables, lists) and read whole, so headings, emphasis and table pipes do not stand
 * in the text the rules read. Raw HTML in it is read as any page's is: never run.
 */
export async function readMarkdown(doc: SourceDocument): Promise<FormatResult> {
  const { text, charset, messages } = decodeText(doc.bytes, doc.declaredCharset);
  const read = wholeText(markdown.parse(keepBreaks(text), { async: false }));
  if (read.trim() === "") throw new UnreadableError("no text in the document");
  return { text: read, charset, messages };
}
