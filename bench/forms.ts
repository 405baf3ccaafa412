// The forms a notice reaches users in besides plain UTF-8 text, for `eval.ts real --as FORM`: the same
// words, so the same gold. A drop in score under a form is a reader or layout that depends on how the
// text is written, not on what it says.

/** What a text is re-written as: a file name's extension and its bytes. */
export interface Written {
  ext: string;
  bytes: Buffer;
}

import { columns } from "../src/ingest/formats/unwrap.js";
import { japanesePdf } from "./pdf-writer.js";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A web page: the first line as <title> (with the site's section) and <h1> when it reads as a title, each other line a paragraph, between a menu and a footer. */
function asHtml(text: string): string {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const head = lines[0]?.trim() ?? "";
  const titled = head.length < 80 && !/[。.]$/.test(head);
  const body = (titled ? [`<h1>${escapeHtml(head)}</h1>`] : []).concat((titled ? lines.slice(1) : lines).map((l) => `<p>${escapeHtml(l)}</p>`));
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8">${titled ? `<title>${escapeHtml(head)} | お知らせ</title>` : ""}</head>
<body><header><nav><a href="/">ホーム</a> &gt; <a href="/news/">お知らせ</a></nav></header>
<main><article>${body.join("\n")}</article></main><footer><p>Copyright © All rights reserved.</p></footer></body></html>`;
}

/** A line as printed 46 characters wide: Japanese breaks anywhere, a line without Japanese between words. */
function printedLines(line: string): string[] {
  const t = line.trim();
  if (t === "") return [""];
  // A table's row is set across the page in columns, on one line however long.
  if ((t.match(/[|｜]/g) ?? []).length >= 2) return [t];
  if (/[\u3000-\u30ff\u3400-\u9fff\uff01-\uff9f]/.test(t)) return t.match(/.{1,46}/gu)!;
  return t.match(/\S.{0,45}(?=\s|$)|\S{46}/gu)!;
}

// Other stories a news or blog page links beside its article (invented names): headlines of incidents that are not this page's.
const RELATED = [
  "みなと市、住民情報を含むUSBメモリーを紛失",
  "株式会社ひかり通販にサイバー攻撃、カード情報2,300件流出の恐れ",
  "こなゆき大学、職員のメールアカウントに不正ログイン",
  "あけぼの病院でランサムウェア被害、電子カルテが停止",
];

/** A news site's article page: the web page with a sidebar of related headlines and a ranking in the footer. */
function asNewsPage(text: string): string {
  const links = (title: string) => `<section><h2>${title}</h2><ul>${RELATED.map((h, i) => `<li><a href="/news/${i + 100}">${h}</a></li>`).join("")}</ul></section>`;
  return asHtml(text)
    .replace("</article></main>", `</article><aside>${links("関連記事")}</aside></main>`)
    .replace("<footer>", `<footer>${links("アクセスランキング")}`);
}

/**
 * A line broken at 70 columns, as a mail client or a text editor wraps it: Japanese anywhere, an English
 * word whole (the line breaks at the space before it, when the line holds one).
 */
function wrapped70(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of line) {
    if (columns(cur) + columns(c) > 70) {
      const space = /[A-Za-z0-9'’,.-]/.test(c) ? cur.search(/ [A-Za-z0-9'’,.-]*$/) : -1;
      if (space > 0) { out.push(cur.slice(0, space + 1)); cur = cur.slice(space + 1); }
      else { out.push(cur); cur = ""; }
    }
    cur += c;
  }
  return [...out, cur];
}

/** The forms, by name. */
export const FORMS: Readonly<Record<string, (text: string) => Written>> = {
  /** Digits and Latin letters in full width (２０２４年, ＵＳＢ), as many Japanese pages write them. */
  fullwidth: (text) => ({ ext: "txt", bytes: Buffer.from(text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))) }),
  /** A printed notice: A4 pages of 46 characters to the line (bench/pdf-writer.ts), read back from its text layer. */
  // The writer's font (no ToUnicode map) reads | ~ 〜 — back as ¦ and combining marks: written as the full-width forms that come back as they are.
  pdf: (text) => ({ ext: "pdf", bytes: japanesePdf(text.replace(/\|/g, "｜").replace(/[~〜]/g, "～").replace(/—/g, "―").split("\n").flatMap(printedLines)) }),
  /** Plain text wrapped at 70 columns, as a mail or a text copied out of a PDF viewer comes. */
  wrapped: (text) => ({ ext: "txt", bytes: Buffer.from(text.split("\n").flatMap(wrapped70).join("\n")) }),
  /** A whole web page copied as text: the site's menu and breadcrumbs above, its footer links below. */
  copied: (text) => ({ ext: "txt", bytes: Buffer.from(["メニュー", "ホーム　製品・サービス　企業情報　IR情報　採用情報　お問い合わせ", "ホーム > お知らせ > 2024年", "", text.trim(), "", "ページの先頭へ", "サイトマップ | プライバシーポリシー | 個人情報の取り扱いについて | サイトのご利用にあたって", "Copyright © All Rights Reserved."].join("\n")) }),
  /** An RSS item whose content is the notice, as a site's feed carries it (without a date: the gold holds what the text states). */
  feed: (text) => {
    const head = text.split("\n").find((l) => l.trim())!.trim();
    const titled = head.length < 80 && !/[。.]$/.test(head);
    const body = (titled ? text.slice(text.indexOf(head) + head.length) : text).split("\n").filter((l) => l.trim()).map((l) => `<p>${escapeHtml(l)}</p>`).join("");
    return { ext: "xml", bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>お知らせ</title><link>https://example.jp/</link><description>お知らせ</description><item><title>${escapeHtml(titled ? head : "お知らせ")}</title><link>https://example.jp/news/1</link><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`) };
  },
  /** Windows line ends. */
  crlf: (text) => ({ ext: "txt", bytes: Buffer.from(text.replace(/\n/g, "\r\n")) }),
  /** The text without its headline: a page whose title stood in an element the copy left out (the first line, when it reads as a title). */
  untitled: (text) => {
    const head = text.split("\n").find((l) => l.trim())!.trim();
    const titled = head.length < 80 && !/[。.]$/.test(head);
    return { ext: "txt", bytes: Buffer.from(titled ? text.slice(text.indexOf(head) + head.length).replace(/^\s*\n/, "") : text) };
  },
  /** A Markdown file: the headline as a heading, the rest as written (its bullets, numbered points and pipes read as Markdown reads them). */
  markdown: (text) => {
    const head = text.split("\n").find((l) => l.trim())!.trim();
    const titled = head.length < 80 && !/[。.]$/.test(head);
    return { ext: "md", bytes: Buffer.from(titled ? `# ${head}\n\n${text.slice(text.indexOf(head) + head.length).replace(/^\s*\n/, "")}` : text) };
  },
  html: (text) => ({ ext: "html", bytes: Buffer.from(asHtml(text)) }),
  news: (text) => ({ ext: "html", bytes: Buffer.from(asNewsPage(text)) }),
};
