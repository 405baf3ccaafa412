import { test } from "node:test";
import assert from "node:assert/strict";
import { bestMatch, planNotice, touch, type NoticeInput } from "./correlate.js";
import { KEEPS } from "./trail.js";
import { fieldsWith, notice, tlpTag } from "./testkit.js";

const ROW = { id: "ntc_1", incidentId: "inc_own", notice: notice("個人情報漏えいに関するお知らせ", { organization: "株式会社いろは", casebook_id: "K-1" }, [tlpTag("AMBER")]) };
const BASE: NoticeInput = { row: ROW, source: "a.txt", before: null, into: null, system: "jikenbo", writer: { who: "ana", why: "imported", clearance: "RED" } };

test("the strongest candidate at or above the threshold is the one a notice joins", () => {
  const f = ROW.notice.incident!.fields;
  const candidates = [
    { id: "other", title: "別件", fields: fieldsWith({ casebook_id: "K-2" }), tlp: "CLEAR" },
    { id: "same", title: "別件", fields: fieldsWith({ casebook_id: "K-1" }), tlp: "GREEN" },
  ];
  assert.deepEqual(bestMatch({ title: ROW.notice.title, fields: f }, candidates)?.id, "same");
  assert.equal(bestMatch({ title: ROW.notice.title, fields: f }, candidates.slice(0, 1)), null);
});

test("a new incident notice opens its own incident unless correlated", () => {
  const plan = planNotice(BASE);
  assert.deepEqual(plan.touched, { id: "inc_own", created: true });
  assert.deepEqual(plan.writes.map((w) => w.op), ["open", "place", "link", "event", "refresh"]);
  const joined = planNotice({ ...BASE, into: { correlated: { id: "inc_x", tlp: "GREEN", match: { score: 0.9, reasons: ["a", "b"] } } } });
  assert.deepEqual(joined.touched, { id: "inc_x", created: false });
  assert.deepEqual(joined.writes[1], { op: "link", notice: "ntc_1", incident: "inc_x", method: "auto", score: 0.9, reason: "a; b", by: "jikenbo" });
  assert.deepEqual(joined.writes[3], { op: "refresh", incident: "inc_x", who: "jikenbo", cause: "source_added", keep: { floor: "AMBER", why: KEEPS.joined } });
});

test("an import places a notice: into the incident it names, or a new one with the stated fields as corrections", () => {
  const placed = planNotice({ ...BASE, into: { join: { id: "inc_t", tlp: "RED" } } });
  assert.deepEqual(placed.writes.slice(0, 3), [
    { op: "place", notice: "ntc_1", incident: "inc_t" },
    { op: "link", notice: "ntc_1", incident: "inc_t", method: "manual", score: null, reason: "placed by ana: imported", by: "ana" },
    { op: "event", incident: "inc_t", who: "ana", action: "source_added", detail: { notice: "ntc_1", title: ROW.notice.title, source: "a.txt", why: "imported" } },
  ]);
  const opened = planNotice({ ...BASE, into: { open: { fields: [{ field: "sector", value: "medical" }], tlp: "GREEN" } } });
  assert.deepEqual(opened.writes.map((w) => w.op), ["open", "place", "link", "event", "correct", "event", "audit", "correct", "event", "audit", "refresh"]);
  assert.deepEqual(opened.writes[4], { op: "correct", incident: "inc_own", field: "sector", value: "medical", who: "ana", why: "imported" });
  assert.deepEqual(opened.writes[7], { op: "correct", incident: "inc_own", field: "tlp", value: "AMBER", who: "ana", why: "imported" }, "the notice's own marking is stricter");
});

test("a notice already filed stays while an incident notice and leaves its incident otherwise", () => {
  assert.deepEqual(planNotice({ ...BASE, before: "inc_b" }), { writes: [], touched: { id: "inc_b", created: false } });
  const gone = planNotice({ ...BASE, before: "inc_b", row: { ...ROW, notice: notice("お知らせ", {}, [], false) } });
  assert.deepEqual(gone.writes.map((w) => w.op), ["place", "unlink", "event"]);
  assert.deepEqual(planNotice({ ...BASE, row: { ...ROW, notice: notice("お知らせ", {}, [], false) } }), { writes: [], touched: null });
});

test("a save's tally counts an incident once, new if a notice opened it", () => {
  const t = new Map<string, boolean>();
  touch(t, { id: "a", created: true });
  touch(t, { id: "a", created: false });
  touch(t, { id: "b", created: false });
  touch(t, { id: "b", created: true });
  touch(t, null);
  assert.deepEqual([...t], [["a", true], ["b", false]]);
});
