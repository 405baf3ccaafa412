import { test } from "node:test";
import assert from "node:assert/strict";
import { emptyFields, FIELD_NAMES, mergeFieldValues, type SourceFields } from "./fields.js";
import type { IncidentFields } from "./types.js";

const source = (fields: Partial<IncidentFields>, confidence: SourceFields["confidence"] = {}): SourceFields =>
  ({ fields: { ...emptyFields(), ...fields }, confidence });

test("empty fields: every field of the table, lists empty, status unknown, the rest null", () => {
  const empty = emptyFields();
  assert.deepEqual(Object.keys(empty), FIELD_NAMES);
  assert.deepEqual(empty.incident_types, []);
  assert.deepEqual(empty.secondary_counts, []);
  assert.equal(empty.status, "unknown");
  assert.equal(empty.organization, null);
  assert.notEqual(emptyFields().data_types, empty.data_types, "a fresh list each time");
});

test("merging: lists united in source order, each element once", () => {
  const merged = mergeFieldValues("incident_types", [source({ incident_types: ["ransomware"] }), source({ incident_types: ["unauthorized_access", "ransomware"] })]);
  assert.deepEqual(merged, ["ransomware", "unauthorized_access"]);
  const counts = [{ value: 3, text: "3件", qualifiers: [] }];
  assert.deepEqual(mergeFieldValues("secondary_counts", [source({ secondary_counts: counts }), source({ secondary_counts: [...counts] })]), counts);
});

test("merging: a single value from the most confident source, the later among equals, empty ones skipped", () => {
  assert.equal(mergeFieldValues("organization", [source({ organization: "A社" }, { organization: 0.9 }), source({ organization: "B社" }, { organization: 0.6 })]), "A社");
  assert.equal(mergeFieldValues("affected_count", [source({ affected_count: 100 }, { affected_count: 0.8 }), source({ affected_count: 120 }, { affected_count: 0.81 })]), 120, "0.8 and 0.81 count as equals");
  assert.equal(mergeFieldValues("sector", [source({ sector: "medical" }), source({ sector: null })]), "medical");
  assert.equal(mergeFieldValues("status", [source({ status: "resolved" }, { status: 0.9 }), source({ status: "unknown" }, { status: 1 })]), "resolved");
  assert.equal(mergeFieldValues("status", []), "unknown");
});

test("merging: the count's phrase follows the count kept, whatever its own confidence", () => {
  const sources = [
    source({ affected_count: 100, affected_count_text: "100名" }, { affected_count: 0.9, affected_count_text: 0.9 }),
    source({ affected_count: 90, affected_count_text: "約90名" }, { affected_count: 0.5, affected_count_text: 0.99 }),
  ];
  assert.equal(mergeFieldValues("affected_count", sources), 100);
  assert.equal(mergeFieldValues("affected_count_text", sources), "100名");
  assert.equal(mergeFieldValues("affected_count_text", []), null);
});
