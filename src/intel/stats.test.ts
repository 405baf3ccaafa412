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
