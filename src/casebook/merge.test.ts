import { test } from "node:test";
import assert from "node:assert/strict";
import { ConflictError, NotFoundError } from "./errors.js";
import { ownIncident, planMerge, planUnmerge } from "./merge.js";
import { KEEPS, type Write } from "./trail.js";

const ANA = { who: "ana", why: "same breach", clearance: "AMBER" as const };
const ops = (ws: Write[]) => ws.map((w) => w.op + ("incident" in w && w.incident ? ":" + w.incident : ""));

test("a merge moves the notices in order, carries corrections, aliases the id and keeps the strictest marking", () => {
  const writes = planMerge({ id: "A", tlp: "GREEN" }, [{ id: "B", tlp: "AMBER", notices: ["n1", "n2"] }, { id: "A", tlp: "GREEN", notices: [] }, { id: "B", tlp: "AMBER", notices: ["n1", "n2"] }], ANA);
  assert.deepEqual(ops(writes), [
    "place:A", "link:A", "unblock:A", "place:A", "link:A", "unblock:A", "carry", "alias", "event:A", "audit", "event:B", "refresh:B", "refresh:A",
  ], "the target itself and a repeated id merge nothing");
  assert.deepEqual(writes.filter((w) => w.op === "place").map((w) => w.op === "place" && w.notice), ["n1", "n2"]);
  assert.deepEqual(writes[1], { op: "link", notice: "n1", incident: "A", method: "manual", score: null, reason: "merged by ana: same breach", by: "ana" });
  assert.deepEqual(writes.at(-1), { op: "refresh", incident: "A", who: "ana", cause: "merged", keep: { floor: "AMBER", why: KEEPS.merged } });
});

test("a split detaches the sources that joined, or the one asked for, into incidents of their own", () => {
  const sources = [{ id: "n1", title: "最初", method: "first" }, { id: "n2", title: "続報", method: "auto" }, { id: "n3", title: "第3報", method: "manual" }];
  const { created, writes } = planUnmerge({ id: "A", tlp: "AMBER" }, sources, undefined, new Set(), "2025-01-01T00:00:00.000Z", ANA);
  assert.deepEqual(created, [ownIncident("n2"), ownIncident("n3")]);
  assert.ok(writes.some((w) => w.op === "block" && w.notice === "n2" && w.incident === "A"), "correlation never joins it back");
  assert.ok(writes.filter((w) => w.op === "refresh").every((w) => w.op === "refresh" && w.keep?.floor === "AMBER" && w.keep.why === KEEPS.split));
  assert.deepEqual(writes.at(-3), { op: "event", incident: "A", who: "ana", action: "unmerged", detail: { notices: ["n2", "n3"], into: created, why: "same breach" } });
  const one = planUnmerge({ id: "A", tlp: "CLEAR" }, sources, "n3", new Set([ownIncident("n3")]), "2025-01-01T00:00:00.000Z", ANA);
  assert.equal(one.created.length, 1);
  assert.notEqual(one.created[0], ownIncident("n3"), "a taken id is not reused");
  const openers = sources.map((s) => ({ ...s, method: "first" }));
  assert.deepEqual(planUnmerge({ id: "A", tlp: "CLEAR" }, openers, undefined, new Set(), "t", ANA).created, [ownIncident("n2"), ownIncident("n3")], "when each opened an incident, all but the first");
});

test("a split refuses a single source, an unknown notice and taking every source", () => {
  const one = [{ id: "n1", title: "t", method: "first" }];
  assert.throws(() => planUnmerge({ id: "A", tlp: "CLEAR" }, one, undefined, new Set(), "t", ANA), ConflictError);
  const two = [...one, { id: "n2", title: "u", method: "auto" }];
  assert.throws(() => planUnmerge({ id: "A", tlp: "CLEAR" }, two, "n9", new Set(), "t", ANA), NotFoundError);
  assert.throws(() => planUnmerge({ id: "A", tlp: "CLEAR" }, two.map((s) => ({ ...s, id: "n1" })), "n1", new Set(), "t", ANA), /keeps at least one source/);
});
