import { test } from "node:test";
import assert from "node:assert/strict";
import { ForbiddenError } from "./authorize.js";
import { planEdit, planRevert, statedChanges } from "./edit.js";
import { NotFoundError } from "./errors.js";
import { fieldsWith } from "./testkit.js";

const ANA = { who: "ana", clearance: "AMBER" as const };

test("an edit records each correction with the value before, then recomputes the incident", () => {
  const writes = planEdit({ id: "A", tlp: "GREEN" }, fieldsWith({ affected_count: 5 }), [{ field: "affected_count", value: 6 }, { field: "tlp", value: "AMBER" }], ANA);
  assert.deepEqual(writes.map((w) => w.op), ["correct", "event", "audit", "correct", "event", "audit", "refresh"]);
  assert.deepEqual(writes[1], { op: "event", incident: "A", who: "ana", action: "edited", detail: { field: "affected_count", from: 5, to: 6, why: null } });
  assert.deepEqual(writes[5], { op: "audit", who: "ana", action: "incident.edit", target: "incident:A", before: { tlp: "GREEN" }, after: { tlp: "AMBER", why: null } });
  assert.throws(() => planEdit({ id: "A", tlp: "GREEN" }, fieldsWith({}), [{ field: "tlp", value: "RED" }], ANA), ForbiddenError);
});

test("a revert withdraws an active correction, and only one", () => {
  assert.deepEqual(planRevert({ id: "A", tlp: "GREEN" }, "sector", true, ANA).map((w) => w.op), ["withdraw", "event", "audit", "refresh"]);
  assert.throws(() => planRevert({ id: "A", tlp: "GREEN" }, "sector", false, ANA), NotFoundError);
});

test("an import's stated fields become corrections unless already so, and its marking never loosens the incident's", () => {
  const incident = { tlp: "AMBER", overrides: [{ field: "sector", value: "medical" }] };
  assert.deepEqual(statedChanges({ sector: "medical", affected_count: 3 }, "GREEN", incident), [{ field: "affected_count", value: 3 }, { field: "tlp", value: "AMBER" }]);
  assert.deepEqual(statedChanges({ sector: "medical" }, null, incident), []);
  const stored = { tlp: "CLEAR", overrides: [{ field: "cause", value: { category: "vulnerability", text: "VPN" } }] };
  assert.deepEqual(statedChanges({ cause: { text: "VPN", category: "vulnerability" } }, null, stored), [], "a stored object's key order is no change");
});
