import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentFields } from "../core/types.js";
import { emptyFields } from "../core/fields.js";
import { orgKey, sameIncident, sameOrg, SAME_INCIDENT, titleKey } from "./correlate.js";

const f = (x: Partial<IncidentFields>): IncidentFields => ({ ...emptyFields(), ...x });

test("the same casebook number decides either way", () => {
  const a = { title: "【セキュリティ事件簿#2025-007】株式会社テスト商会 不正アクセス", fields: f({ casebook_id: "2025-007", organization: "株式会社テスト商会" }) };
  const b = { title: "全く違う見出し", fields: f({ casebook_id: "2025-007" }) };
  assert.equal(sameIncident(a, b).score, 1);
  assert.equal(sameIncident(a, { ...b, fields: f({ casebook_id: "2025-008", organization: "株式会社テスト商会" }) }).score, 0);
});

test("a news entry and the organisation's own notice: same organisation backed by date and count", () => {
  const entry = { title: "不正アクセス 通販サイトへの不正アクセス/株式会社かもめ書房", fields: f({ organization: "株式会社かもめ書房", discovered_on: "2025-03-03", affected_count: 1200, incident_types: ["unauthorized_access"] }) };
  const own = { title: "当社通販サイトへの不正アクセスに関するお詫び", fields: f({ organization: "かもめ書房", discovered_on: "2025-03-03", affected_count: 1200, incident_types: ["unauthorized_access", "web_skimming"] }) };
  const m = sameIncident(entry, own);
  assert.ok(m.score >= SAME_INCIDENT, JSON.stringify(m));
  assert.ok(m.reasons.some((r) => r.includes("same discovery date")));
});

test("a follow-up joins its first report; the same organisation's unrelated incident a year later does not", () => {
  const first = { title: "ランサムウェア被害に関するお知らせ", fields: f({ organization: "株式会社テスト商会", disclosed_on: "2025-01-10", incident_types: ["ransomware"], affected_count: 70000 }) };
  const second = { title: "ランサムウェア被害に関するお知らせ（第2報）", fields: f({ organization: "株式会社テスト商会", disclosed_on: "2025-02-01", incident_types: ["ransomware"], affected_count: 68000 }) };
  assert.ok(sameIncident(first, second).score >= SAME_INCIDENT);
  const later = { title: "メール誤送信に関するお詫び", fields: f({ organization: "株式会社テスト商会", disclosed_on: "2026-03-01", incident_types: ["misdelivery"] }) };
  assert.ok(sameIncident(first, later).score < SAME_INCIDENT);
});

test("organisation keys ignore legal forms and spaces; numbered names stay apart", () => {
  assert.equal(orgKey("株式会社 NTT ドコモ"), orgKey("NTTドコモ"));
  assert.equal(sameOrg(orgKey("一般財団法人公園財団淀川河川公園管理センター"), orgKey("淀川河川公園管理センター")), true);
  assert.equal(sameOrg(orgKey("株式会社あおば商事12"), orgKey("株式会社あおば商事123")), false);
  assert.equal(titleKey("【セキュリティ事件簿#2024-078】淀川 不正通信について 2024/3/7"), "淀川不正通信について");
});
