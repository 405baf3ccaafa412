import { test } from "node:test";
import assert from "node:assert/strict";
import { planRefresh, type RefreshInput } from "./refresh.js";
import { canonical, fieldChanges, mergeFields } from "./sources.js";
import { KEEPS } from "./trail.js";
import { fieldsWith, source, tlpTag } from "./testkit.js";

const FIRST = source("ランサムウェア被害のお知らせ", { organization: "株式会社いろは", affected_count: 100, affected_count_text: "100件" }, [tlpTag("GREEN")]);
const FOLLOW = source("続報", { organization: "株式会社いろは", affected_count: 250, affected_count_text: "250件" }, [tlpTag("CLEAR")]);

function input(over: Partial<RefreshInput>): RefreshInput {
  return { id: "inc_1", who: "jikenbo", cause: "source_added", sources: [FIRST, FOLLOW], overrides: [], stored: { title: "", fields: null, tlp: "CLEAR", tags: [] }, ...over };
}

test("an incident without sources is deleted", () => {
  assert.deepEqual(planRefresh(input({ sources: [] })), { kind: "delete" });
});

test("a refresh merges the sources oldest first: the first names it, the later count wins, the strictest marking stays", () => {
  const plan = planRefresh(input({ cause: "created" }));
  assert.equal(plan.kind, "update");
  if (plan.kind !== "update") return;
  assert.equal(plan.row.title, FIRST.title);
  assert.equal(plan.row.fields.affected_count, 250);
  assert.equal(plan.row.fields.affected_count_text, "250件");
  assert.equal(plan.row.tlp, "GREEN");
  assert.deepEqual(plan.writes, [], "an incident just opened records no changes");
});

test("corrections lay over the sources, a TLP correction decides the marking", () => {
  const plan = planRefresh(input({ overrides: [{ field: "affected_count", value: 7 }, { field: "tlp", value: "AMBER" }] }));
  assert.ok(plan.kind === "update");
  assert.equal(plan.row.fields.affected_count, 7);
  assert.equal(plan.row.tlp, "AMBER");
});

test("a new source that changes a stored incident records the changes; an unchanged one writes nothing", () => {
  const stored = { title: FIRST.title, fields: mergeFields([FIRST]), tlp: "GREEN", tags: [tlpTag("GREEN")] };
  const plan = planRefresh(input({ stored }));
  assert.ok(plan.kind === "update");
  assert.deepEqual(plan.writes, [{
    op: "event", incident: "inc_1", who: "jikenbo", action: "source_added",
    detail: { changes: { affected_count: [100, 250], affected_count_text: ["100件", "250件"] } },
  }]);
  const edited = planRefresh(input({ stored, cause: "edited" }));
  assert.ok(edited.kind === "update" && edited.writes.length === 0, "an edit's own trail says what changed");
  // A database may hand back the keys in another order: still the same incident.
  const reordered = JSON.parse(canonical(plan.row)) as typeof plan.row;
  assert.deepEqual(planRefresh(input({ stored: reordered })), { kind: "same", writes: [] });
});

test("a marking a merge must keep is recorded as a correction and wins over a looser one", () => {
  const plan = planRefresh(input({ who: "ana", cause: "merged", keep: { floor: "AMBER", why: KEEPS.merged } }));
  assert.ok(plan.kind === "update");
  assert.equal(plan.row.tlp, "AMBER");
  assert.deepEqual(plan.writes.map((w) => w.op), ["correct", "event", "audit"]);
  assert.deepEqual(plan.writes[0], { op: "correct", incident: "inc_1", field: "tlp", value: "AMBER", who: "ana", why: KEEPS.merged });
  assert.deepEqual(plan.writes[1], { op: "event", incident: "inc_1", who: "ana", action: "edited", detail: { field: "tlp", from: "GREEN", to: "AMBER", why: KEEPS.merged } });
  const looser = planRefresh(input({ keep: { floor: "CLEAR", why: KEEPS.joined } }));
  assert.ok(looser.kind === "update" && looser.row.tlp === "GREEN" && looser.writes.length === 0, "a looser floor keeps nothing");
});

test("field changes compare values, not the order a database kept an object's keys in", () => {
  const a = fieldsWith({ cause: { text: "VPN", category: "vulnerability" } });
  const b = fieldsWith({ cause: { category: "vulnerability", text: "VPN" } } as never);
  assert.deepEqual(fieldChanges(a, b), {});
  assert.deepEqual(Object.keys(fieldChanges(a, fieldsWith({ sector: "medical" }))), ["sector", "cause"]);
  assert.deepEqual(fieldChanges(null, a), {}, "nothing to compare with");
});
