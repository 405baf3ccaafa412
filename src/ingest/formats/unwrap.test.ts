import assert from "node:assert/strict";
import { test } from "node:test";
import { unwrapText } from "./unwrap.js";

/** Break a paragraph at 70 columns, as a fixed-width tool does (ASCII one column, the rest two). */
function wrap70(text: string): string {
  const lines = [""];
  let width = 0;
  for (const c of text) {
    const w = /[\x20-\x7e]/.test(c) ? 1 : 2;
    if (width + w > 70) { lines.push(""); width = 0; }
    lines[lines.length - 1] += c;
    width += w;
  }
  return lines.join("\n");
}

const FIRST = "当社が運営する通販サイトにおいて第三者による不正アクセスがあり、お客様のクレジットカード情報が流出した可能性があることが判明いたしました。";
const SECOND = "流出した可能性のある情報は、カード名義人名、カード番号、有効期限、セキュリティコードの四項目で、対象となるお客様は最大で1,234名です。";

test("Japanese wrapped at 70 columns is joined into its paragraphs; blank lines and items keep their lines", () => {
  const [one, two] = [FIRST + SECOND, SECOND + FIRST];
  const text = ["不正アクセスに関するお詫びとお知らせ", "", wrap70(one), "", wrap70(two), "", "・対象期間", "・対象件数"].join("\n");
  assert.deepEqual(unwrapText(text).split("\n"), ["不正アクセスに関するお詫びとお知らせ", "", one, "", two, "", "・対象期間", "・対象件数"]);
});

test("English wrapped between words at 72 columns is joined with spaces", () => {
  const para = "An unauthorized party accessed the server that hosts our online store and may have obtained the names, addresses and card numbers of up to 1,234 customers between April and June.";
  const lines: string[] = [];
  for (const word of para.split(" ")) {
    if (lines.length && (lines.at(-1)! + " " + word).length <= 72) lines[lines.length - 1] += " " + word;
    else lines.push(word);
  }
  const text = ["Notice of a data breach", "", lines.join("\n"), "", lines.join("\n")].join("\n");
  assert.equal(unwrapText(text), ["Notice of a data breach", "", para, "", para].join("\n"));
});

test("a text written a paragraph to a line, or a list of equal lines that each end a sentence, is left as it is", () => {
  const plain = ["不正アクセスに関するお詫びとお知らせ", "", FIRST, "", SECOND, "", "以上"].join("\n");
  assert.equal(unwrapText(plain), plain);
  const list = Array.from({ length: 6 }, (_, i) => `${i + 1}. 対象のお客様には個別にご連絡しております。`).join("\n");
  assert.equal(unwrapText(list), list);
});

test("a short mail whose few lines fill the width is joined; a heading above a line that opens with digits, and a timeline's dated rows, keep their lines", () => {
  // Fewer than four full lines are enough when they reach the last column.
  const short = ["名簿の流出について", "", wrap70(FIRST + SECOND)].join("\n");
  assert.equal(wrap70(FIRST + SECOND).split("\n").length, 4);
  assert.equal(unwrapText(short), ["名簿の流出について", "", FIRST + SECOND].join("\n"));
  // 「2025年…」's first word is 2025, which fits after a short heading: the heading ends its line.
  const dated = ["1.経緯", wrap70(`2025年5月20日、${FIRST}`), "", "2.対応", wrap70(`2025年5月21日、${SECOND}`)].join("\n");
  assert.deepEqual(unwrapText(dated).split("\n"), ["1.経緯", `2025年5月20日、${FIRST}`, "", "2.対応", `2025年5月21日、${SECOND}`]);
  // A row that opens with its date starts an item, even after a row that filled the line.
  const rows = ["4月14日(月) 午前8時 電子カルテにログインできない事象を職員が確認し、システム担当者に連絡", "4月14日(月) 午前9時 外部業者が調査し、ランサムウェアによる暗号化を確認した"];
  const timeline = [wrap70(FIRST), wrap70(SECOND), ...rows].join("\n");
  assert.deepEqual(unwrapText(timeline).split("\n").slice(-2), rows);
});

test("a number the width broke in two (昨年 1 / 0 月 10 日) is joined again: a line opening 「0 月」 opens no dated item", () => {
  const para = "当社では、昨年 10 月 10 日にも同様の障害が発生しており、外部からの大量の通信によるものと判明しています。";
  const text = [wrap70(FIRST), wrap70(`${"あ".repeat(22)}ではなく、${para}`)].join("\n");
  const cut = text.split("\n").find((l) => l.startsWith("0 月"));
  assert.ok(cut, "the width breaks the month's digits apart");
  assert.equal(unwrapText(text), `${FIRST}\n${"あ".repeat(22)}ではなく、${para}`);
});

test("English a mail client wrapped with the space left at each line's end (format=flowed) is joined with one space", () => {
  const para = "An unauthorized party accessed the server that hosts our online store and may have obtained the names, addresses and card numbers of up to 1,234 customers between April and June.";
  const lines: string[] = [];
  for (const word of para.split(" ")) {
    if (lines.length && (lines.at(-1)! + word).length <= 72) lines[lines.length - 1] += word + " ";
    else lines.push(word + " ");
  }
  lines[lines.length - 1] = lines.at(-1)!.trimEnd();
  const text = ["Notice of a data breach", "", lines.join("\n"), "", lines.join("\n")].join("\n");
  assert.ok(lines[0]!.endsWith(" "));
  assert.equal(unwrapText(text), ["Notice of a data breach", "", para, "", para].join("\n"));
});
