// Adding a field is one row of FIELDS (src/core/fields.ts), one rule, one fixture (FILLED below) and its
// labels: every field of the table has its CSV columns, its API schema, its correction check, its merge
// and its labels in both web languages, read from the table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CorrectionError, checkFieldValue, EDITABLE, validateChange } from "../src/core/corrections.js";
import { emptyFields, emptyValue, FIELD_NAMES, FIELDS, mergeFieldValues, type FieldSpec } from "../src/core/fields.js";
import type { IncidentFields } from "../src/core/types.js";
import { IncidentFields as FieldsSchema } from "../src/http/schemas.js";
import { CSV_COLUMNS, csvCell, incidentsCsv, KIND_CELLS } from "../src/share/csv.js";
import { incident } from "../src/share/testkit.js";
import fieldLabels from "../web/src/messages/incident.js";
import vocabLabels from "../web/src/messages/vocab.js";

/** Every field filled with a value of its kind and vocabulary. */
const FILLED: IncidentFields = {
  organization: "株式会社サンプル", other_parties: ["委託先株式会社"], disclosed_on: "2024-03-01", discovered_on: "2024-02-20",
  exposure_period: { from: "2024-01-01", to: "2024-02-20" }, incident_types: ["ransomware"], affected_count: 1200,
  affected_count_text: "約1200名", secondary_counts: [{ value: 30, text: "30社", qualifiers: [] }], data_types: ["name", "email"],
  reported_to: ["ppc"], sector: "retail_ec", indicators: ["evil.example"], cause: { text: "VPN装置の脆弱性", category: "vulnerability" },
  response: ["network_isolation"], measures: ["多要素認証を導入します"], status: "investigating", casebook_id: "JB-2024-0001",
};

/** A value of the wrong type for every kind. */
const WRONG = (spec: FieldSpec): unknown => (spec.kind === "count" ? "many" : spec.kind === "text-list" || spec.kind === "enum-list" || spec.kind === "counts" ? "not a list" : 42);

test("the fixture fills every field of the table, and nothing else", () => {
  assert.deepEqual(Object.keys(FILLED), FIELD_NAMES);
  for (const f of FIELD_NAMES) assert.notDeepEqual(FILLED[f], emptyValue(f), `${f} is filled`);
});

test("every field has its CSV columns, as many as its kind has cells, each holding the field's value", () => {
  const csv = incidentsCsv([incident("inc_00000000000000f1", { fields: FILLED })]).split("\r\n");
  const row = csv[1]!.split(","); // the fixture holds no comma, quote or line break
  for (const f of FIELD_NAMES) {
    const spec: FieldSpec = FIELDS[f];
    const cells = KIND_CELLS[spec.kind](FILLED[f]);
    assert.equal(spec.csv.length, cells.length, `${f}: one column per cell`);
    spec.csv.forEach((column, i) => {
      const at = CSV_COLUMNS.findIndex((c) => c === column);
      assert.ok(at >= 0, `${f}: column ${column}`);
      assert.equal(row[at], csvCell(cells[i]), `${f}: ${column}`);
    });
  }
  assert.equal(new Set(CSV_COLUMNS).size, CSV_COLUMNS.length, "no column twice");
});

test("every field has its API schema: its empty and filled values pass, a value of another kind does not", () => {
  assert.deepEqual(Object.keys(FieldsSchema.shape), FIELD_NAMES);
  assert.deepEqual(FieldsSchema.parse(FILLED), FILLED);
  assert.deepEqual(FieldsSchema.parse(emptyFields()), emptyFields());
  for (const f of FIELD_NAMES) {
    assert.equal(FieldsSchema.shape[f].safeParse(WRONG(FIELDS[f])).success, false, `${f}: a wrong value`);
    const spec: FieldSpec = FIELDS[f];
    if (spec.vocabulary) assert.equal(FieldsSchema.safeParse({ ...FILLED, [f]: spec.kind === "enum-list" ? ["aliens"] : spec.kind === "cause" ? { text: "x", category: "aliens" } : "aliens" }).success, false, `${f}: a term outside the vocabulary`);
  }
});

test("every field has its correction check: its value kept, null clearing it, a wrong value refused; only editable fields are correctable", () => {
  for (const f of FIELD_NAMES) {
    assert.deepEqual(checkFieldValue(f, FILLED[f]), FILLED[f], f);
    assert.deepEqual(checkFieldValue(f, null), emptyValue(f), f);
    assert.throws(() => checkFieldValue(f, WRONG(FIELDS[f])), CorrectionError, f);
    if (FIELDS[f].editable) assert.deepEqual(validateChange(f, FILLED[f]), { field: f, value: FILLED[f] });
    else assert.throws(() => validateChange(f, FILLED[f]), /unknown field/);
    assert.equal((EDITABLE as readonly string[]).includes(f), FIELDS[f].editable, f);
  }
});

test("every field merges by its policy: one source's value is the incident's", () => {
  for (const f of FIELD_NAMES) assert.deepEqual(mergeFieldValues(f, [{ fields: FILLED, confidence: {} }]), FILLED[f], f);
  for (const f of FIELD_NAMES) assert.deepEqual(mergeFieldValues(f, []), emptyValue(f), f);
});

test("every field has its label in both web languages, and each term of its vocabulary too", () => {
  for (const f of FIELD_NAMES) {
    for (const lang of ["ja", "en"] as const) {
      assert.ok(fieldLabels[lang][`field.${f}`], `${lang}: field.${f}`);
      const spec: FieldSpec = FIELDS[f];
      for (const term of spec.vocabulary ?? []) assert.ok(vocabLabels[lang][`vocab.${spec.terms}.${term}`], `${lang}: vocab.${spec.terms}.${term}`);
    }
  }
});
