import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { japanesePdf } from "../../../bench/pdf-writer.js";
import { makeDocument } from "../../core/document.js";
import { UnreadableError } from "./index.js";
import { readPdf } from "./pdf.js";

const FIXTURES = new URL("../../../test/fixtures/ingest/", import.meta.url);

function fixture(name: string) {
  return makeDocument(readFileSync(new URL(name, FIXTURES)), { source: name });
}

test("a Type0 font with a predefined Japanese CMap decodes (cMaps load)", async () => {
  const out = await readPdf(fixture("notice-cid.pdf"));
  assert.equal(out.text, [
    "株式会社テスト商会 不正アクセスに関するお知らせ",
    "2024年5月1日",
    "当社通販サイトの会員情報が閲覧された可能性があります。",
  ].join("\n"));
  assert.equal(out.charset, null);
  assert.equal(out.title, "不正アクセスに関するお知らせ");
});

test("every page is read, with a blank line between pages", async () => {
  const out = await readPdf(fixture("two-pages.pdf"));
  assert.equal(out.text, "Test Trading Co. security notice\nFirst page, second line\n\nSecond page text");
  assert.equal(out.title, undefined);
});

test("a truncated PDF is unreadable, with a one-line reason", async () => {
  await assert.rejects(readPdf(fixture("truncated.pdf")), (err: Error) =>
    err instanceof UnreadableError && /^truncated or corrupt PDF: /.test(err.message) && !err.message.includes("\n"));
});

test("a PDF whose structure is garbage is unreadable", async () => {
  const doc = makeDocument(Buffer.from("%PDF-1.7\nnothing here at all\n%%EOF\n"), { source: "x.pdf" });
  await assert.rejects(readPdf(doc), /^UnreadableError: truncated or corrupt PDF: /);
});

test("an encrypted PDF that needs a password is unreadable", async () => {
  await assert.rejects(readPdf(fixture("encrypted.pdf")), { name: "UnreadableError", message: "encrypted PDF" });
});

test("a PDF without a text layer is unreadable", async () => {
  await assert.rejects(readPdf(fixture("no-text.pdf")), { name: "UnreadableError", message: "PDF has no text layer (scanned image?)" });
});

test("the document's bytes are left intact", async () => {
  const doc = fixture("two-pages.pdf");
  const before = Buffer.from(doc.bytes);
  await readPdf(doc);
  assert.deepEqual(Buffer.from(doc.bytes), before);
});

test("lines the page wrapped at its right edge are one paragraph again; a wider gap is a blank line; items and sentence ends keep their lines", async () => {
  const para = "当社が運営する通販サイトに第三者による不正アクセスがあり、お客様のクレジットカード情報が流出した可能性があることが判明いたしました。";
  const mail = "送信元アドレスはnoreply-billing@example-shop.co.jpでした。";
  // A quotation closed where the page broke the line goes on in the next line too.
  const quoted = ["本日、「" + "学校における個人情報漏えい事故の発生状況と傾向".padEnd(25, "等") + "」", "調査報告書を公表しました。"];
  const lines = [
    "不正アクセスに関するお知らせ",
    "",
    ...para.match(/.{1,30}/gu)!,
    "",
    ...quoted,
    "",
    "・対象期間",
    "・対象件数",
    mail.slice(0, 30), mail.slice(30),
  ];
  const out = await readPdf(makeDocument(japanesePdf(lines), { source: "wrapped.pdf" }));
  assert.equal(quoted[0]!.length, 30);
  assert.deepEqual(out.text.split("\n"), ["不正アクセスに関するお知らせ", "", para, "", quoted.join(""), "", "・対象期間", "・対象件数", mail]);
});

test("a page of short lines of one width (a list without bullets) keeps its lines", async () => {
  const lines = ["対象者数", "発生日時", "原因究明", "今後対応"];
  const out = await readPdf(makeDocument(japanesePdf(lines), { source: "list.pdf" }));
  assert.deepEqual(out.text.split("\n"), lines);
});

test("a paragraph that runs over the page goes on; the pages' numbers in their footers are not text", async () => {
  const items = Array.from({ length: 38 }, (_, i) => `・対象となる情報の項目その${i + 1}`);
  const para = "当社が運営する通販サイトにおいて第三者による不正アクセスがあり、お客様のクレジットカード情報が流出した可能性があることが判明いたしました。";
  const [one, two, rest] = [para.slice(0, 30), para.slice(30, 60), para.slice(60)];
  const out = await readPdf(makeDocument(japanesePdf([...items, one, two, rest, "以上"]), { source: "two-pages.pdf" }));
  assert.deepEqual(out.text.split("\n"), [...items, para, "以上"]);
});

test("English set ragged-right is one paragraph again where the next line's first word would not have fitted; an abbreviation's point (Co.) ends no line's paragraph", async () => {
  const para = "Kirin Print Co. in Sendai said that a third party accessed a server for the websites of nine client companies and that up to 48,000 records may have been stolen.";
  const lines: string[] = [];
  for (const word of para.split(" ")) {
    if (lines.length && (lines.at(-1)! + " " + word).length <= 40) lines[lines.length - 1] += " " + word;
    else lines.push(word);
  }
  // The wrap falls right after "Co." as well.
  const abbreviated = ["The incident at Umitori Seimitsu Co.", "was found on June 3 by its own staff."];
  const out = await readPdf(makeDocument(japanesePdf(["Data breach at printing firm", "", ...lines, "", ...abbreviated]), { source: "ragged.pdf" }));
  assert.ok(lines.some((l) => l.length < 36), "some lines stop well short of the edge");
  assert.deepEqual(out.text.split("\n"), ["Data breach at printing firm", "", para, "", abbreviated.join(" ")]);
});
