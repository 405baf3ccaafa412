import assert from "node:assert/strict";
import { test } from "node:test";
import { makeDocument } from "../../core/document.js";
import { sniffMediaType } from "../../core/sniff.js";
import { readMarkdown } from "./markdown.js";

/** The text a Markdown file is read as. */
async function read(md: string): Promise<string> {
  return (await readMarkdown(makeDocument(Buffer.from(md), { source: "notice.md" }))).text;
}

test("a .md file is Markdown, read without its marks: headings, emphasis and a table's pipes", async () => {
  assert.equal(sniffMediaType(Buffer.from("# お知らせ"), null, "notice.md"), "text/markdown");
  const text = await read("# 不正アクセスに関するお知らせ\n\n**2026年4月1日**\n**株式会社あかね堂**\n\n| 項目 | 件数 |\n|---|---|\n| 氏名 | 約300件 |\n");
  assert.equal(text, "不正アクセスに関するお知らせ\n\n2026年4月1日\n株式会社あかね堂\n\n項目\t件数\n氏名\t約300件");
});

test("Markdown keeps a text's line breaks, lists' marks and tildes, and joins English wrapped to a width", async () => {
  assert.equal(await read("経緯\n\n- 4月1日~4月3日:不審な通信\n- 4月4日:サーバー停止\n\n1. 概要\n2. 対応"), "経緯\n\n・4月1日~4月3日:不審な通信\n・4月4日:サーバー停止\n\n1. 概要\n2. 対応");
  const english = "The portal was accessed without authorization by a third party between April 1 and\nApril 3, and the names of some customers may have been viewed.";
  assert.equal(await read(english), english.replace("\n", " "));
});

test("Markdown's raw HTML is read as text, never run: a script is dropped, an autolink keeps its brackets", async () => {
  const text = await read("送信元: 偽の窓口 <fake@example.com>\n\n<script>alert(1)</script>\n\n本文");
  assert.equal(text, "送信元: 偽の窓口 <fake@example.com>\n\n本文");
});
