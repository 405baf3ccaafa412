import { test } from "node:test";
import assert from "node:assert/strict";
import type { Notice } from "../core/types.js";
import { extractIncident } from "./index.js";

/** Extract a fictional notice whose title is its first line, as a segmenter without a headline would choose it. */
function firstLineTitled(text: string) {
  const titleEnd = text.indexOf("\n");
  const notice: Notice = {
    index: 0, title: text.slice(0, titleEnd), span: [0, text.length], titleSpan: [0, titleEnd], kind: "incident_notice",
    isIncident: true, reason: "test", listingDate: null, category: null, publisher: null, incident: null,
  };
  return extractIncident(text, notice).fields;
}

test("a lead paragraph standing in for a title is read as body text: its warnings are not events", () => {
  const text = "この度、令和6年9月2日頃から当会の職員を装った不審なメールが会員の皆様に送信されていることを確認しました。心当たりのないメールを開いた場合は、ウイルス感染や不正アクセスの危険がありますので、削除してください。\n【なりすましメールの例】\n差出人:\"こもれび会\"<notice@komorebi-kai-info.net>\n";
  assert.deepEqual(firstLineTitled(text).incident_types, ["phishing"]);
});

test("a heading title still names what happened", () => {
  assert.deepEqual(firstLineTitled("ランサムウェア被害のお知らせ\n詳細は調査中です。\n").incident_types, ["ransomware"]);
});
