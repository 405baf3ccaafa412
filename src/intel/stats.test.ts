import { test } from "node:test";
import assert from "node:assert/strict";
import type { Tag } from "../core/types.js";
import { tally, type StatInput } from "./stats.js";

const tag = (taxonomy: Tag["taxonomy"], value: string): Tag => ({ taxonomy, value, label: { ja: value, en: value }, reason: "", confidence: 1 });
const rows: StatInput[] = [
  { event_date: "2024-03-04", sector: "medical", affected_count: 100, incident_types: ["ransomware", "unauthorized_access"], tags: [tag("tsr_cause", "ウイルス感染・不正アクセス"), tag("basics", "close_what_you_open")] },
  { event_date: "2024-03-20", sector: "medical", affected_count: 300, incident_types: ["unauthorized_access"], tags: [tag("tsr_cause", "ウイルス感染・不正アクセス")] },
  { event_date: "2025-01-02", sector: null, affected_count: null, incident_types: [], tags: [] },
];

test("by type: an incident with two types counts under both; none counts under unknown", () => {
  const r = tally(rows, "type", "en");
  assert.equal(r.total, 3);
  assert.deepEqual(r.rows.map((x) => [x.key, x.incidents, x.people, x.median, x.unknown_count]), [
    ["unauthorized_access", 2, 400, 200, 0],
    ["ransomware", 1, 100, 100, 0],
    ["unknown", 1, 0, null, 1],
  ]);
  assert.equal(r.rows[0]!.label, "Unauthorized access");
});

test("by month in time order, by TSR cause with Japanese labels, by sector and basics", () => {
  assert.deepEqual(tally(rows, "month").rows.map((x) => [x.key, x.incidents]), [["2024-03", 2], ["2025-01", 1]]);
  assert.deepEqual(tally(rows, "year").rows.map((x) => [x.key, x.incidents]), [["2024", 2], ["2025", 1]]);
  const cause = tally(rows, "cause");
  assert.deepEqual(cause.rows.map((x) => [x.label, x.incidents]), [["ウイルス感染・不正アクセス", 2], ["不明", 1]]);
  assert.equal(tally(rows, "sector").rows[0]!.label, "医療");
  assert.deepEqual(tally(rows, "basics", "en").rows.map((x) => x.key), ["close_what_you_open", "unknown"]);
  assert.deepEqual([cause.people, cause.unknown_count], [400, 1]);
});

test("by affected: every power-of-ten bucket in size order, empty ones too; no count is unknown", () => {
  const r = tally([...rows, { ...rows[2]!, affected_count: 1_250_000 }, { ...rows[2]!, affected_count: 9 }], "affected", "en");
  assert.deepEqual(r.rows.map((x) => [x.key, x.incidents]), [
    ["1-9", 1], ["10-99", 0], ["100-999", 2], ["1000-9999", 0], ["10000-99999", 0], ["100000-999999", 0], ["1000000+", 1], ["unknown", 1],
  ]);
  assert.deepEqual([r.rows[2]!.label, r.rows[6]!.label], ["100–999", "1,000,000 or more"]);
  assert.equal(tally(rows, "affected").rows[6]!.label, "1,000,000人以上");
  assert.equal(tally([{ ...rows[0]!, affected_count: 0 }], "affected").rows[0]!.key, "0");
});

test("split: each month counts its incidents under every type, unknown last; without split the rows carry none", () => {
  const r = tally(rows, "month", "en", "type");
  assert.equal(r.split, "type");
  assert.deepEqual(r.rows.map((x) => [x.key, x.split!.map((s) => [s.key, s.incidents])]), [
    ["2024-03", [["unauthorized_access", 2], ["ransomware", 1]]],
    ["2025-01", [["unknown", 1]]],
  ]);
  assert.equal(r.rows[0]!.split![1]!.label, "Ransomware");
  assert.ok(!("split" in tally(rows, "month")) && !("split" in tally(rows, "month").rows[0]!));
});
