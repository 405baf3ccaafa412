import { test } from "node:test";
import assert from "node:assert/strict";
import { checkFieldValue, CorrectionError, parseChange, validateChange } from "./corrections.js";

test("command-line corrections are typed and checked against the vocabularies", () => {
  assert.deepEqual(parseChange("affected_count=68,000"), { field: "affected_count", value: 68000 });
  assert.deepEqual(parseChange("incident_types=ransomware,unauthorized_access"), { field: "incident_types", value: ["ransomware", "unauthorized_access"] });
  assert.deepEqual(parseChange("sector=medical"), { field: "sector", value: "medical" });
  assert.deepEqual(parseChange("tlp=amber+strict"), { field: "tlp", value: "AMBER+STRICT" });
  assert.deepEqual(parseChange("discovered_on="), { field: "discovered_on", value: null });
  assert.deepEqual(parseChange("data_types="), { field: "data_types", value: [] });
  assert.deepEqual(parseChange("cause=VPN装置の脆弱性"), { field: "cause", value: { text: "VPN装置の脆弱性", category: "unknown" } });
  assert.deepEqual(parseChange('exposure_period={"from":"2024-01-01","to":null}'), { field: "exposure_period", value: { from: "2024-01-01", to: null } });
});

test("bad corrections say what is wrong", () => {
  assert.throws(() => parseChange("sector=spaceport"), (e: Error) => e instanceof CorrectionError && /one of: medical/.test(e.message));
  assert.throws(() => parseChange("incident_types=ransomware,aliens"), /unknown value aliens/);
  assert.throws(() => parseChange("affected_count=many"), /non-negative integer/);
  assert.throws(() => parseChange("discovered_on=2024-02-30"), /YYYY-MM-DD/);
  assert.throws(() => parseChange("colour=blue"), /unknown field colour/);
  assert.throws(() => parseChange("no-equals"), /field=value/);
  assert.throws(() => validateChange("tlp", "PURPLE"), /CLEAR, GREEN/);
  assert.throws(() => validateChange("status", "closed"), /one of: investigating, resolved, unknown/);
  assert.throws(() => validateChange("cause", { text: "VPN", category: "aliens" }), /category one of: vulnerability/);
  assert.throws(() => validateChange("secondary_counts", []), /unknown field secondary_counts/, "not correctable");
  assert.throws(() => parseChange("constructor=x"), /unknown field constructor/);
});

test("every field's value is checked by its kind, correctable or not; null clears it to its empty value", () => {
  assert.deepEqual(validateChange("status", null), { field: "status", value: "unknown" });
  assert.deepEqual(validateChange("other_parties", [" A社 ", "A社", ""]), { field: "other_parties", value: ["A社"] });
  assert.deepEqual(checkFieldValue("secondary_counts", [{ value: 3, text: "3件", qualifiers: ["約", 1] }]), [{ value: 3, text: "3件", qualifiers: ["約"] }]);
  assert.throws(() => checkFieldValue("secondary_counts", [{ value: "3" }]), /a list of counts/);
  assert.throws(() => checkFieldValue("tlp", "RED"), /unknown field tlp/);
});
