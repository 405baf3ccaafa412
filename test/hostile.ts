// The hostile-analyst suite: every write path tried as an analyst (or admin) who wants to see or
// change what their clearance does not allow, through the HTTP API and the CLI, on one backend.
// Each test is named for the row of the probe report (issue 11) it covers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ingest } from "../src/core/ingest.js";
import type { Store } from "../src/store/types.js";
import { appFor, basic, bearer, OWNER } from "./http-kit.js";
import {
  api, inScene, jikenbo, mark, namedIncident, notice, noticeFile, opened, submit, upload, type Backend, type Scene,
} from "./hostile-kit.js";
import { submission, SUBMISSIONS, TAXII, TAXII_ROOT, taxiiCall, type Submitted } from "./taxii-kit.js";

/** Anonymous GET of an incident: its status. */
async function anonymousStatus(s: Scene, id: string): Promise<number> {
  return (await s.app.request(`/api/v1/incidents/${id}`)).status;
}

/** The incident's marking and its notices' count, read by the store itself. */
async function state(store: Store, id: string) {
  const d = (await store.getIncident(id))!;
  return { tlp: d.tlp, affected: d.fields.affected_count, sources: d.notices.length, correctedBy: [...new Set(d.overrides.map((o) => o.who))] };
}

/** Register the hostile-analyst suite for a backend. */
export function hostileSuite(backend: Backend): void {
  const name = backend.name;
  const scene = (body: (s: Scene) => Promise<void>) => () => inScene(backend, body);

  test(`${name} H1: a submission with a RED incident's report words opens a new incident; the RED one stays as it was and unnamed`, scene(async (s) => {
    const secret: Submitted = { name: "H1極秘案件", org: "架空赤字株式会社", tlp: "RED", count: 120 };
    const red = namedIncident(await submit(s, "red", secret), secret)!;
    assert.ok(red);
    const before = await state(s.store, red);
    const copy: Submitted = { ...secret, tlp: "CLEAR", seed: "ana's copy" };
    const status = await submit(s, "ana", copy);
    assert.ok(!JSON.stringify(status).includes(red), "the status says nothing about the RED incident");
    const fresh = namedIncident(status, copy);
    assert.ok(fresh && fresh !== red, JSON.stringify(status));
    assert.deepEqual(await state(s.store, red), before, "the RED incident is untouched");
    assert.equal(await anonymousStatus(s, red), 404);
    assert.equal((await state(s.store, fresh)).tlp, "CLEAR");
    assert.equal(await anonymousStatus(s, fresh), 200, "the submitter's own incident is as they marked it");
  }));

  test(`${name} H1: re-submitting a report an admin merged into a RED incident opens a new incident; the RED one is not declassified`, scene(async (s) => {
    const sent: Submitted = { name: "H1再送案件", org: "架空再送株式会社", tlp: "CLEAR", count: 80 };
    const first = namedIncident(await submit(s, "ana", sent), sent)!;
    const red = await opened(s, s.tokens.red, notice("架空統合株式会社", "不正アクセス", 900));
    await mark(s, s.tokens.red, red, "RED");
    assert.equal((await api(s, "POST", `/api/v1/incidents/${red}/merge`, s.tokens.admin, { others: [first], why: "same case" })).status, 200);
    const before = await state(s.store, red);
    const status = await submit(s, "ana", sent);
    assert.ok(!JSON.stringify(status).includes(red), "the status says nothing about the RED incident");
    const fresh = namedIncident(status, sent);
    assert.ok(fresh && fresh !== red && fresh !== first, JSON.stringify(status));
    assert.deepEqual(await state(s.store, red), before, "the RED incident keeps its marking and fields");
    assert.equal(await anonymousStatus(s, red), 404);
    assert.equal(await anonymousStatus(s, first), 404, "the merged id stays with the RED incident");
    assert.equal(await anonymousStatus(s, fresh), 200);
  }));

  test(`${name} H1: jikenbo import never loosens a marking: a CLEAR bundle carrying a RED incident's report leaves it RED`, scene(async (s) => {
    const secret: Submitted = { name: "H1取込案件", org: "架空取込株式会社", tlp: "RED", count: 55 };
    const red = namedIncident(await submit(s, "red", secret), secret)!;
    const file = noticeFile(JSON.stringify({ type: "bundle", id: "bundle--6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", objects: submission({ ...secret, tlp: "CLEAR", seed: "a copy" }) }), "bundle.json");
    const r = await jikenbo("import", "--format", "stix", file, "--db", s.db, "--by", "sato", "--json");
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await state(s.store, red)).tlp, "RED");
    assert.equal(await anonymousStatus(s, red), 404);
  }));

  test(`${name} M1: a submission cannot mark an incident above the submitter's clearance, as PATCH cannot`, scene(async (s) => {
    const sent: Submitted = { name: "M1琥珀案件", org: "架空琥珀株式会社", tlp: "AMBER", count: 40 };
    const id = namedIncident(await submit(s, "ana", sent), sent)!;
    assert.equal((await state(s.store, id)).tlp, "AMBER");
    const status = await submit(s, "ana", { ...sent, tlp: "RED", modified: "2025-04-01T00:00:00.000Z" });
    assert.deepEqual(status.successes!.map((x) => x.id.split("--")[0]), ["marking-definition"], "only the (public) marking definition is kept");
    assert.equal(status.failure_count, 4);
    assert.ok(status.failures!.every((f) => /marked TLP:RED, above your clearance TLP:AMBER/.test(f.message ?? "")), JSON.stringify(status.failures));
    assert.equal((await state(s.store, id)).tlp, "AMBER");
    assert.equal((await api(s, "GET", `/api/v1/incidents/${id}`, s.tokens.ana)).status, 200, "the submitter still sees it");
    const patched = await api(s, "PATCH", `/api/v1/incidents/${id}`, s.tokens.ana, { changes: { tlp: "RED" }, why: "try" });
    assert.equal(patched.status, 403, "the control: PATCH refuses the same change");
  }));

  test(`${name} M2: an upload matching a hidden RED incident opens a new incident; the RED one is unchanged and the reply does not hint at it`, scene(async (s) => {
    const org = "架空秘匿株式会社";
    const red = await opened(s, s.tokens.red, notice(org, "ランサムウェア被害", 3500));
    await mark(s, s.tokens.red, red, "RED");
    const before = await state(s.store, red);
    const r = await upload(s, s.tokens.ana, notice(org, "ランサムウェア被害", 3800, 2), "followup.txt");
    assert.equal(r.status, 200, JSON.stringify(r));
    assert.deepEqual([r.incidentsNew, r.incidentsUpdated, r.incidentsUnchanged, r.incidentIds.length], [1, 0, 0, 1], JSON.stringify(r));
    assert.notEqual(r.incidentIds[0], red);
    assert.deepEqual(await state(s.store, red), before, "the RED incident keeps 3,500 and its one source");
    const mine = await api(s, "GET", `/api/v1/incidents/${r.incidentIds[0]}`, s.tokens.ana);
    assert.equal(mine.body.affected_count, 3800);
  }));

  test(`${name} M3: an admin cannot grant more clearance than they hold`, scene(async (s) => {
    const red = await opened(s, s.tokens.red, notice("架空人事株式会社", "不正アクセス", 10));
    await mark(s, s.tokens.red, red, "RED");
    const refused = await api(s, "POST", "/api/v1/users", s.tokens.lowadmin, { name: "mole", role: "analyst", clearance: "RED" });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.match(String((refused.body.error as { message: string }).message), /above your clearance TLP:GREEN/);
    const made = await api(s, "POST", "/api/v1/users", s.tokens.lowadmin, { name: "mole2", role: "admin" });
    assert.equal(made.status, 201);
    assert.equal((made.body.user as { clearance: string }).clearance, "GREEN", "the role's default is capped at the granter's clearance");
    assert.equal((await api(s, "GET", `/api/v1/incidents/${red}`, String(made.body.token))).status, 404);
    assert.equal((await api(s, "POST", "/api/v1/users", s.tokens.admin, { name: "trusted", role: "analyst", clearance: "RED" })).status, 201, "the control: a RED admin may");
  }));

  test(`${name} M4: jikenbo unmerge keeps a RED incident's marking on every part`, scene(async (s) => {
    const org = "架空分割株式会社";
    const files = [noticeFile(notice(org, "情報漏えい", 500)), noticeFile(notice(org, "情報漏えい", 650, 2))];
    assert.equal((await jikenbo("ingest", "--db", s.db, ...files)).code, 0);
    const [row] = await s.store.searchIncidents({ q: org });
    assert.equal(row!.sources, 2, "the follow-up joined the first report");
    assert.equal((await jikenbo("edit", row!.id, "tlp=RED", "--db", s.db, "--by", "sato")).code, 0);
    const split = await jikenbo("unmerge", row!.id, "--db", s.db, "--by", "sato");
    assert.equal(split.code, 0, split.stderr);
    const parts = [...split.stdout.matchAll(/inc_[0-9a-f]{16}/g)].map((m) => m[0]);
    assert.equal(parts.length, 1);
    for (const id of [row!.id, ...parts]) {
      assert.equal((await state(s.store, id)).tlp, "RED", id);
      assert.equal(await anonymousStatus(s, id), 404);
    }
  }));

  test(`${name} M4: merges and splits keep the strictest marking in the store's own write`, scene(async (s) => {
    const green = await opened(s, s.tokens.red, notice("架空緑化株式会社", "不正アクセス", 20));
    const red = await opened(s, s.tokens.red, notice("架空深紅株式会社", "不正アクセス", 30));
    await mark(s, s.tokens.red, green, "GREEN");
    await mark(s, s.tokens.red, red, "RED");
    const owner = { who: "sato", clearance: "RED" as const };
    assert.equal((await s.store.merge(green, [red], owner)).tlp, "RED", "a GREEN incident that absorbs a RED one is RED");
    const parts = await s.store.unmerge(green, owner);
    for (const id of [green, ...parts]) assert.equal((await state(s.store, id)).tlp, "RED", id);
  }));

  test(`${name} L1: a NUL byte in a query is a 400 that says so, on every search path`, scene(async (s) => {
    for (const path of ["/api/v1/incidents?q=%00", "/api/v1/incidents?q=a%00b", "/api/v1/stats?q=%00", "/api/v1/graph?q=%00", "/api/v1/exposure?org=%E6%9E%B6%00"]) {
      const r = await s.app.request(path, { headers: bearer(s.tokens.ana) });
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(body)}`);
      assert.match(body.error.message, /NUL/, path);
    }
  }));

  test(`${name} L2: when the token's last-use write fails (disk full), signed-in reads still answer`, scene(async (s) => {
    await s.exec(backend.name === "sqlite"
      ? "CREATE TRIGGER disk_full BEFORE UPDATE ON tokens BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;"
      : `CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$;
         CREATE TRIGGER disk_full BEFORE UPDATE ON tokens FOR EACH ROW EXECUTE FUNCTION disk_full();`);
    for (const path of ["/api/v1/incidents", "/api/v1/me", "/api/v1/stats"]) {
      assert.equal((await s.app.request(path, { headers: bearer(s.tokens.ana) })).status, 200, path);
    }
    assert.equal((await taxiiCall(s.app, `${TAXII_ROOT}/collections/`, basic("ana", s.tokens.ana))).status, 200);
  }));

  test(`${name} L4: an admin below RED sees no RED incident id in the audit log or in TAXII statuses`, scene(async (s) => {
    const uploadedRed = await opened(s, s.tokens.red, notice("架空監査株式会社", "不正アクセス", 70));
    await mark(s, s.tokens.red, uploadedRed, "RED");
    const sent: Submitted = { name: "L4極秘案件", org: "架空記録株式会社", tlp: "RED", count: 15 };
    const status = await submit(s, "red", sent);
    const submittedRed = namedIncident(status, sent)!;
    assert.ok(submittedRed);
    const audit = await api(s, "GET", "/api/v1/audit?limit=1000", s.tokens.lowadmin);
    assert.equal(audit.status, 200);
    const log = JSON.stringify(audit.body);
    for (const id of [uploadedRed, submittedRed]) assert.ok(!log.includes(id), `the audit log names ${id}`);
    const seen = await taxiiCall(s.app, `${TAXII_ROOT}/status/${status.id}/`, basic("lowadmin", s.tokens.lowadmin));
    const text = await seen.text();
    assert.ok(seen.status === 200 || seen.status === 404, text);
    assert.ok(!text.includes(submittedRed), `the status names ${submittedRed}: ${text}`);
    for (const o of status.successes ?? []) if (!o.id.startsWith("marking-definition--")) assert.ok(!text.includes(o.id), `the status names the RED object ${o.id}`);
    const control = JSON.stringify((await api(s, "GET", "/api/v1/audit?limit=1000", s.tokens.admin)).body);
    assert.ok(control.includes(uploadedRed) && control.includes(submittedRed), "the control: a RED admin sees both");
  }));

  test(`${name} L5: a watchlist belongs to its creator; other analysts neither see nor delete it, admins see all`, scene(async (s) => {
    const mine = await api(s, "POST", "/api/v1/watchlists", s.tokens.red, { name: "red team", kind: "keyword", pattern: "極秘プロジェクト" });
    assert.equal(mine.status, 201);
    const id = mine.body.id as number;
    const theirs = await api(s, "POST", "/api/v1/watchlists", s.tokens.ana, { name: "ana's", kind: "organization", pattern: "架空" });
    const listed = (token: string) => api(s, "GET", "/api/v1/watchlists", token).then((r) => (r.body.items as { id: number; pattern: string }[]).map((w) => w.id));
    assert.deepEqual(await listed(s.tokens.ana), [theirs.body.id]);
    assert.ok(!JSON.stringify((await api(s, "GET", "/api/v1/watchlists", s.tokens.ana)).body).includes("極秘プロジェクト"));
    assert.equal((await api(s, "GET", `/api/v1/watchlists/${id}/hits`, s.tokens.ana)).status, 404);
    assert.equal((await api(s, "DELETE", `/api/v1/watchlists/${id}`, s.tokens.ana)).status, 404);
    assert.deepEqual(await listed(s.tokens.red), [id]);
    assert.deepEqual((await listed(s.tokens.admin)).sort(), [id, theirs.body.id as number].sort(), "admins see every watchlist");
    assert.equal((await api(s, "DELETE", `/api/v1/watchlists/${id}`, s.tokens.red)).status, 204, "the owner may");
  }));

  test(`${name} L6: a hidden incident and a missing one take the same path: the same store calls and the same SQL, decided before any detail is read`, scene(async (s) => {
    const red = await opened(s, s.tokens.red, notice("架空時間株式会社", "不正アクセス", 5));
    await mark(s, s.tokens.red, red, "RED");
    const missing = "inc_0123456789abcdef";
    const calls: string[] = [];
    const recording = new Proxy(s.store, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        return typeof v === "function" ? (...args: unknown[]) => { calls.push(String(key)); return (v as (...a: unknown[]) => unknown).apply(target, args); } : v;
      },
    });
    const app = appFor(recording);
    const trace = async (id: string, method = "GET", body?: unknown) => {
      calls.length = 0;
      const sql = await s.queries(async () => {
        const r = await app.request(`/api/v1/incidents/${id}`, { method, headers: { "content-type": "application/json", ...bearer(s.tokens.ana) }, ...(body ? { body: JSON.stringify(body) } : {}) });
        assert.equal(r.status, 404);
      });
      return { calls: [...calls], sql: sql.map((q) => q.replace(/\s+/g, " ")).filter((q) => !/tokens|users/.test(q)) };
    };
    const hidden = await trace(red), absent = await trace(missing);
    assert.deepEqual(hidden, absent);
    assert.ok(!hidden.calls.includes("getIncident"), `the detail is not read before deciding: ${hidden.calls.join()}`);
    const patch = { changes: { affected_count: 1 }, why: "try" };
    assert.deepEqual(await trace(red, "PATCH", patch), await trace(missing, "PATCH", patch));
  }));

  test(`${name} L7: CSV export defuses every element of a list cell`, scene(async (s) => {
    const id = await opened(s, s.tokens.red, notice("架空計算株式会社", "不正アクセス", 12));
    assert.equal((await jikenbo("edit", id, "other_parties=株式会社あ,=1+1,@SUM(A1),+cmd", "--db", s.db, "--by", "sato")).code, 0);
    const csv = await jikenbo("export", "--format", "csv", "--db", s.db);
    assert.equal(csv.code, 0, csv.stderr);
    const line = csv.stdout.split("\r\n").find((l) => l.startsWith(id))!;
    const cell = line.split(",").find((c) => c.includes("株式会社あ"))!;
    assert.deepEqual(cell.split(";"), ["株式会社あ", "'=1+1", "'@SUM(A1)", "'+cmd"]);
  }));

  test(`${name} L8: a TAXII object nested thousands of levels deep is a 400, not a 500`, scene(async (s) => {
    for (const depth of [5000, 20000]) {
      const deep = '{"a":'.repeat(depth) + '"x"' + "}".repeat(depth);
      const body = `{"objects":[{"type":"note","spec_version":"2.1","id":"note--6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b","created":"2025-01-01T00:00:00.000Z","content":"deep","x_deep":${deep}}]}`;
      const res = await taxiiCall(s.app, `${SUBMISSIONS}/objects/`, basic("ana", s.tokens.ana), { method: "POST", body, headers: { "content-type": TAXII } });
      const text = await res.text();
      assert.equal(res.status, 400, `${depth}: ${text}`);
      assert.match(text, /nested/);
    }
    const id = await opened(s, s.tokens.ana, notice("架空深層株式会社", "不正アクセス", 9));
    const deep = '{"a":'.repeat(20000) + '"x"' + "}".repeat(20000);
    const patched = await s.app.request(`/api/v1/incidents/${id}`, {
      method: "PATCH", headers: { "content-type": "application/json", ...bearer(s.tokens.ana) }, body: `{"changes":{"exposure_period":${deep}},"why":"deep"}`,
    });
    assert.equal(patched.status, 400, await patched.text());
  }));

  test(`${name} path leak: STIX, MISP, CSV and JSON Lines exports name a source by its SHA-256 and public URL, never a local path`, scene(async (s) => {
    const path = noticeFile(notice("架空経路株式会社", "不正アクセス", 44), "private-notice.txt");
    const folder = path.slice(0, path.lastIndexOf("/"));
    const opened: string[] = [];
    await ingest(s.store, [path], OWNER, {}, (_done, _input, ids) => opened.push(...ids));
    const id = opened[0]!;
    const sha = (await s.store.getIncident(id))!.notices[0]!.document;
    for (const format of ["stix", "misp"]) {
      const res = await s.app.request(`/api/v1/incidents/${id}/export?format=${format}`);
      const text = await res.text();
      assert.equal(res.status, 200);
      assert.ok(!text.includes(folder) && !text.includes("private-notice.txt"), `${format} over HTTP leaks the path`);
      assert.ok(text.includes(sha), `${format} over HTTP names the document's SHA-256`);
    }
    for (const format of ["stix", "misp", "csv", "jsonl"]) {
      const out = await jikenbo("export", "--format", format, "--db", s.db);
      assert.equal(out.code, 0, out.stderr);
      assert.ok(!out.stdout.includes(folder) && !out.stdout.includes("private-notice.txt"), `${format} leaks the path`);
      assert.ok(out.stdout.includes(sha), `${format} names the document's SHA-256`);
    }
  }));
}
