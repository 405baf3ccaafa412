// TAXII 2.1 at /taxii2/: discovery, the API root, collections, objects with paging and filters,
// manifests, versions, adding objects and their status, media types, and TLP clearance on every
// endpoint — through app.request() and, for a minimal standard client, over a listening server.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Tlp } from "../src/intel/taxonomies/tlp.js";
import { startServer } from "../src/http/server.js";
import { checkBundle } from "../src/share/stix/check.js";
import { stixId } from "../src/share/stix/ids.js";
import { TLP2_MARKING_IDS } from "../src/share/stix/tlp.js";
import { stixSchemas } from "../src/share/testkit.js";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { PostgresStore } from "../src/store/postgres/index.js";
import type { IncidentDetail, Store } from "../src/store/types.js";
import { tempDir } from "./helpers.js";
import { addUsers, appFor, basic, bearer, byOrg, EXAMPLES, emptyStore, HTTP_FIXTURES, seed, type Tokens } from "./http-kit.js";
import { INCIDENTS, type Json, NOTICE_DATE, type StixObj, type Status, SUBMISSIONS, submission as kitSubmission, TAXII, taxiiAdd, taxiiCall, TAXII_ROOT as ROOT } from "./taxii-kit.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

interface Envelope { more: boolean; next?: string; objects?: StixObj[] }
interface Manifest { more: boolean; next?: string; objects?: { id: string; date_added: string; version: string; media_type: string }[] }

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;
/** The incident marked RED, and the one marked AMBER. */
let red: IncidentDetail;
let amber: IncidentDetail;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store, [EXAMPLES, join(HTTP_FIXTURES, "shared-indicator.txt")]);
  red = await byOrg(store, "東浦市");
  amber = await byOrg(store, "みなみ観光協会 不審メール 当協会職員");
  await store.edit(red.id, [{ field: "tlp", value: "RED" }], { who: "red", why: "test", clearance: "RED" });
  await store.edit(amber.id, [{ field: "tlp", value: "AMBER" }], { who: "red", why: "test", clearance: "RED" });
  app = appFor(store);
});

after(() => store.close());

/** A TAXII GET (or other request) through the app, asking for TAXII 2.1. */
function call(path: string, auth: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  return taxiiCall(app, path, auth, init);
}

/** The JSON of a TAXII response, after checking its status and media type. */
async function body<T = Json>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, text);
  assert.equal(r.headers.get("content-type"), TAXII);
  return JSON.parse(text) as T;
}

/** POST an envelope to a collection. */
function add(collection: string, objects: unknown[], auth: Record<string, string>, contentType = TAXII): Promise<Response> {
  return taxiiAdd(app, collection, objects, auth, contentType);
}

/** Every page of a paged endpoint (its items under `field`), following `next`; checks the paging on the way. */
async function pages(path: string, auth: Record<string, string>, limit: number, field = "objects"): Promise<{ items: unknown[]; pages: number }> {
  const items: unknown[] = [];
  let next: string | undefined;
  let n = 0;
  for (;;) {
    const sep = path.includes("?") ? "&" : "?";
    const r = await call(`${path}${sep}limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ""}`, auth);
    const page = await body<Json & { more: boolean; next?: string }>(r);
    const got = (page[field] ?? []) as unknown[];
    assert.ok(got.length <= limit, "a page never holds more than the limit");
    n++;
    items.push(...got);
    if (!page.more) {
      assert.equal(page.next, undefined, "the last page has no next");
      return { items, pages: n };
    }
    assert.equal(got.length, limit, "only the last page is short");
    assert.ok(page.next, "more pages come with a next");
    next = page.next;
  }
}

/** The full manifest a reader sees (one page). */
async function manifest(auth: Record<string, string> = {}, collection = INCIDENTS, query = ""): Promise<NonNullable<Manifest["objects"]>> {
  return (await body<Manifest>(call(`${collection}/manifest/?limit=1000${query}`, auth))).objects ?? [];
}

/** Every object a reader sees in a collection (one page). */
async function objects(auth: Record<string, string> = {}, collection = INCIDENTS, query = ""): Promise<StixObj[]> {
  const env = await body<Envelope>(call(`${collection}/objects/?limit=1000${query}`, auth));
  assert.equal(env.more, false);
  return env.objects ?? [];
}

const version = (o: Json) => String(o.modified ?? o.created);
/** `id|version` of a manifest entry or of a STIX object (an object's own `version` property is something else). */
const key = (o: Json) => `${String(o.id)}|${"date_added" in o ? String(o.version) : version(o)}`;

/** A fictional foreign incident submission (see taxii-kit). */
function submission(name: string, org: string, tlp: Tlp, count: number): StixObj[] {
  return kitSubmission({ name, org, tlp, count });
}

test("discovery, the API root and the collections as TAXII 2.1 describes them", async () => {
  const discovery = await body<{ title: string; default: string; api_roots: string[] }>(call("/taxii2/"));
  assert.equal(typeof discovery.title, "string");
  assert.equal(discovery.default, "http://localhost/taxii2/casebook/");
  assert.deepEqual(discovery.api_roots, [discovery.default]);

  const root = await body<Json>(call(`${ROOT}/`));
  assert.deepEqual(root.versions, [TAXII]);
  assert.equal(root.max_content_length, 1024 * 1024);
  assert.equal(typeof root.title, "string");

  const list = async (auth: Record<string, string>) => (await body<{ collections: Json[] }>(call(`${ROOT}/collections/`, auth))).collections;
  const anonymous = await list({});
  assert.deepEqual(anonymous.map((c) => [c.alias, c.can_read, c.can_write]), [["incidents", true, false], ["submissions", false, false]]);
  for (const c of anonymous) {
    assert.match(String(c.id), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(c.media_types, ["application/stix+json;version=2.1"]);
  }
  assert.deepEqual((await list(bearer(tokens.vic))).map((c) => [c.can_read, c.can_write]), [[true, false], [true, false]]);
  assert.deepEqual((await list(basic("ana", tokens.ana))).map((c) => [c.can_read, c.can_write]), [[true, false], [true, true]]);

  const byId = await body<Json>(call(`${ROOT}/collections/${String(anonymous[0]!.id)}/`));
  assert.deepEqual(byId, anonymous[0], "a collection answers to its id and to its alias");
  assert.deepEqual(await body<Json>(call(`${INCIDENTS}/`)), anonymous[0]);
  const missing = await body<Json>(call(`${ROOT}/collections/nope/`), 404);
  assert.deepEqual(missing, { title: "not found", description: "no collection nope", http_status: "404" });
  assert.equal((await body<Json>(call(`${ROOT}/nowhere/`), 404)).http_status, "404", "unknown TAXII paths are TAXII errors");
});

test("media types: 406 unless TAXII 2.1 is acceptable, 415 unless the body is TAXII", async () => {
  for (const accept of ["application/json", "application/taxii+json;version=2.0", "text/html", `${TAXII};q=0, application/json`]) {
    const err = await body<Json>(app.request("/taxii2/", { headers: { accept } }), 406);
    assert.equal(err.http_status, "406", accept);
    assert.equal(typeof err.title, "string");
  }
  for (const accept of [TAXII, "application/taxii+json", "application/taxii+json; version=2.1", "*/*", "application/*", "text/html, */*;q=0.1"]) {
    assert.equal((await app.request(`${ROOT}/`, { headers: { accept } })).status, 200, accept);
  }
  assert.equal((await app.request(`${ROOT}/`)).status, 200, "no Accept header takes anything");

  const ana = basic("ana", tokens.ana);
  for (const type of ["application/json", "application/stix+json;version=2.1", "application/taxii+json;version=2.0"]) {
    assert.equal((await body<Json>(add(SUBMISSIONS, [], ana, type), 415)).http_status, "415", type);
  }
  const notJson = await call(`${SUBMISSIONS}/objects/`, ana, { method: "POST", body: "{", headers: { "content-type": TAXII } });
  assert.equal((await body<Json>(notJson, 400)).http_status, "400");
  const notEnvelope = await call(`${SUBMISSIONS}/objects/`, ana, { method: "POST", body: "[]", headers: { "content-type": TAXII } });
  assert.equal((await body<Json>(notEnvelope, 400)).http_status, "400");
  const huge = await call(`${SUBMISSIONS}/objects/`, ana, { method: "POST", body: "x".repeat(1024 * 1024 + 1), headers: { "content-type": TAXII } });
  assert.equal((await body<Json>(huge, 413)).http_status, "413");
});

test("paging: limit and next walk every object once, in date-added order, with the date-added headers", async () => {
  const who = bearer(tokens.red);
  const all = await manifest(who);
  assert.ok(all.length > 40, `a sizeable collection (${all.length})`);
  const { items, pages: n } = await pages(`${INCIDENTS}/objects/`, who, 7);
  assert.equal(n, Math.ceil(all.length / 7));
  assert.deepEqual((items as Json[]).map(key), all.map(key), "no duplicates, no gaps, manifest order");
  const dates = all.map((m) => m.date_added);
  assert.deepEqual(dates, [...dates].sort(), "ascending by date added");

  const first = await call(`${INCIDENTS}/objects/?limit=5`, who);
  const page = await body<Envelope>(first);
  assert.equal(first.headers.get("x-taxii-date-added-first"), all[0]!.date_added);
  assert.equal(first.headers.get("x-taxii-date-added-last"), all[4]!.date_added);
  assert.equal(page.more, true);
  const mani = await pages(`${INCIDENTS}/manifest/`, who, 9);
  assert.deepEqual((mani.items as Json[]).map(key), all.map(key), "the manifest pages the same way");

  assert.equal((await body<Json>(call(`${INCIDENTS}/objects/?next=bm9wZQ`, who), 400)).http_status, "400");
  for (const limit of ["0", "-1", "x", "1.5"]) assert.equal((await call(`${INCIDENTS}/objects/?limit=${limit}`, who)).status, 400, limit);
  assert.equal((await objects(who, INCIDENTS, "&limit=100000")).length, all.length, "a limit above the largest page is capped, not refused");
});

test("paging stays whole when objects are added between pages", async () => {
  const who = bearer(tokens.admin);
  const before = await manifest(who);
  const page1 = await body<Envelope>(call(`${INCIDENTS}/objects/?limit=10`, who));
  // A new incident arrives (through the submissions collection) while the client is paging.
  const status = await body<Status>(add(SUBMISSIONS, submission("ページング中の不正アクセス", "架空ページング工業株式会社", "CLEAR", 120), basic("red", tokens.red)), 202);
  assert.equal(status.failure_count, 0, JSON.stringify(status));
  const seen = [...page1.objects!];
  let next = page1.next;
  while (next) {
    const p = await body<Envelope>(call(`${INCIDENTS}/objects/?limit=10&next=${encodeURIComponent(next)}`, who));
    seen.push(...(p.objects ?? []));
    next = p.next;
  }
  const keys = seen.map(key);
  assert.equal(new Set(keys).size, keys.length, "no object version twice");
  const after = await manifest(who);
  const afterKeys = new Set(after.map(key));
  for (const m of before) if (afterKeys.has(key(m))) assert.ok(keys.includes(key(m)), `${key(m)} not skipped`);
  const added = after.filter((m) => !before.some((b) => key(b) === key(m)));
  assert.ok(added.some((m) => m.id.startsWith("incident--")), "the new incident is in the collection");
  for (const m of added) assert.ok(keys.includes(key(m)), `new ${key(m)} reached on a later page`);
});

test("added_after and the match filters", async () => {
  const who = bearer(tokens.red);
  const all = await manifest(who);
  const dates = [...new Set(all.map((m) => m.date_added))];
  assert.ok(dates.length > 2);
  const cut = dates[Math.floor(dates.length / 2)]!;
  const res = await call(`${INCIDENTS}/objects/?limit=1000&added_after=${cut}`, who);
  const later = (await body<Envelope>(res)).objects!;
  assert.deepEqual(later.map((o) => key(o)), all.filter((m) => m.date_added > cut).map(key));
  assert.ok(res.headers.get("x-taxii-date-added-first")! > cut);
  assert.deepEqual((await manifest(who, INCIDENTS, `&added_after=${cut}`)).map(key), all.filter((m) => m.date_added > cut).map(key));
  assert.equal((await body<Json>(call(`${INCIDENTS}/objects/?added_after=yesterday`, who), 400)).http_status, "400");

  const incidents = await objects(who, INCIDENTS, "&match[type]=incident");
  assert.ok(incidents.length >= 12 && incidents.every((o) => o.type === "incident"));
  const two = await objects(who, INCIDENTS, "&match[type]=incident,report");
  assert.deepEqual([...new Set(two.map((o) => o.type))].sort(), ["incident", "report"]);
  const repeated = await objects(who, INCIDENTS, "&match[type]=incident&match[type]=report");
  assert.deepEqual(repeated.map(key), two.map(key), "repeated parameters are the same as a comma list");

  const pick = [incidents[0]!.id, incidents[1]!.id];
  assert.deepEqual((await objects(who, INCIDENTS, `&match[id]=${pick.join(",")}`)).map((o) => o.id).sort(), [...pick].sort());
  assert.deepEqual(await objects(who, INCIDENTS, `&match[id]=${pick[0]}&match[type]=report`), [], "filters combine");

  const one = incidents[0]!;
  for (const v of ["first", "last", "all", "first,last", version(one)]) {
    assert.deepEqual((await objects(who, INCIDENTS, `&match[id]=${one.id}&match[version]=${v}`)).map(key), [key(one)], v);
  }
  assert.deepEqual(await objects(who, INCIDENTS, `&match[id]=${one.id}&match[version]=1999-01-01T00:00:00.000Z`), []);
  assert.equal((await call(`${INCIDENTS}/objects/?match[version]=latest`, who)).status, 400);
  assert.deepEqual(await objects(who, INCIDENTS, "&match[spec_version]=2.0"), []);
  assert.equal((await objects(who, INCIDENTS, "&match[spec_version]=2.1")).length, all.length);
  const empty = await call(`${INCIDENTS}/objects/?match[type]=malware`, who);
  assert.deepEqual(await body<Json>(empty), { more: false }, "nothing matching is an empty envelope");
  assert.equal(empty.headers.get("x-taxii-date-added-first"), null);
});

test("manifest, versions and single objects agree with the objects", async () => {
  const who = bearer(tokens.red);
  const all = await objects(who);
  const mani = await manifest(who);
  assert.deepEqual(mani.map((m) => [m.id, m.version]), all.map((o) => [o.id, version(o)]));
  assert.ok(mani.every((m) => m.media_type === "application/stix+json;version=2.1"));
  for (const o of all.filter((x) => x.type === "incident" || x.type === "marking-definition").slice(0, 4)) {
    const res = await call(`${INCIDENTS}/objects/${o.id}/`, who);
    assert.deepEqual(await body<Envelope>(res), { more: false, objects: [o] });
    const m = mani.find((x) => x.id === o.id)!;
    assert.equal(res.headers.get("x-taxii-date-added-first"), m.date_added);
    const vres = await call(`${INCIDENTS}/objects/${o.id}/versions/`, who);
    assert.deepEqual(await body<Json>(vres), { more: false, versions: [version(o)] });
    assert.equal(vres.headers.get("x-taxii-date-added-last"), m.date_added);
  }
  assert.equal((await body<Json>(call(`${INCIDENTS}/objects/incident--00000000-0000-4000-8000-000000000000/`, who), 404)).http_status, "404");
  assert.equal((await call(`${INCIDENTS}/objects/incident--00000000-0000-4000-8000-000000000000/versions/`, who)).status, 404);
});

test("every object served validates against the OASIS STIX 2.1 schemas, and references resolve inside the collection", async (t) => {
  const schemas = stixSchemas();
  if (!schemas) { t.skip("the OASIS schemas are not beside the repository"); return; }
  for (const who of [{}, bearer(tokens.red)]) {
    const all = await objects(who);
    for (const o of all) assert.deepEqual(schemas.validate(o), [], `${o.id}: ${JSON.stringify(schemas.validate(o))}`);
    assert.deepEqual(checkBundle({ type: "bundle", id: "bundle--6a5f0d6e-6bbf-4a7c-9a4e-2b1d0c9e8f71", objects: all }), []);
  }
  const sent = submission("検証用の不正アクセス", "架空検証株式会社", "GREEN", 10);
  await body<Status>(add(SUBMISSIONS, sent, basic("ana", tokens.ana)), 202);
  for (const o of await objects(bearer(tokens.ana), SUBMISSIONS)) assert.deepEqual(schemas.validate(o), [], o.id);
});

test("TLP: AMBER and RED incidents never reach readers without clearance, on any TAXII endpoint", async () => {
  const redIncident = stixId("incident", red.id);
  const amberIncident = stixId("incident", amber.id);
  const secrets = (d: IncidentDetail) => [d.id, d.title, stixId("incident", d.id), ...d.notices.map((n) => n.document), ...d.notices.map((n) => stixId("report", n.id))];
  const readers: [string, Record<string, string>, IncidentDetail[]][] = [
    ["anonymous", {}, [red, amber]], ["clara", bearer(tokens.clara), [red, amber]], ["vic", bearer(tokens.vic), [red, amber]],
    ["lowadmin", basic("lowadmin", tokens.lowadmin), [red, amber]], ["ana", bearer(tokens.ana), [red]],
  ];
  for (const [who, auth, hidden] of readers) {
    const text = JSON.stringify([await objects(auth), await manifest(auth), await pages(`${INCIDENTS}/objects/`, auth, 13)]);
    for (const s of hidden.flatMap(secrets)) assert.ok(!text.includes(s), `${who} sees ${s}`);
    assert.ok(!text.includes(TLP2_MARKING_IDS.RED), `${who}: not even the TLP:RED marking`);
    for (const d of hidden) {
      const id = stixId("incident", d.id);
      assert.deepEqual(await body<Json>(call(`${INCIDENTS}/objects/${id}/`, auth), 404), { title: "not found", description: `no object ${id} in the incidents collection`, http_status: "404" }, who);
      assert.equal((await call(`${INCIDENTS}/objects/${id}/versions/`, auth)).status, 404);
      assert.deepEqual(await manifest(auth, INCIDENTS, `&match[id]=${id}`), []);
    }
  }
  // The control: a RED-cleared user sees both.
  const cleared = bearer(tokens.red);
  assert.deepEqual((await body<Envelope>(call(`${INCIDENTS}/objects/${redIncident}/`, cleared))).objects![0]!.object_marking_refs, [TLP2_MARKING_IDS.RED]);
  assert.deepEqual((await body<Envelope>(call(`${INCIDENTS}/objects/${amberIncident}/`, cleared))).objects![0]!.object_marking_refs, [TLP2_MARKING_IDS.AMBER]);
  assert.equal((await body<Envelope>(call(`${INCIDENTS}/objects/${amberIncident}/`, bearer(tokens.ana)))).objects!.length, 1, "AMBER clearance sees AMBER");
});

test("adding objects: an analyst with Basic auth, the status resource, the casebook and the submissions collection", async () => {
  const ana = basic("ana", tokens.ana);
  const sent = submission("受注管理サーバーへの不正アクセス", "架空精機株式会社", "GREEN", 350);
  const invalid = { type: "incident", spec_version: "2.1", id: "incident--not-a-uuid", created: NOTICE_DATE, modified: NOTICE_DATE, name: "x" };
  const res = await add(SUBMISSIONS, [...sent, invalid], ana);
  const status = await body<Status>(res, 202);
  assert.equal(status.status, "complete");
  assert.deepEqual([status.total_count, status.success_count, status.failure_count, status.pending_count], [6, 5, 1, 0]);
  assert.deepEqual(status.successes!.map((s) => [s.id, s.version]), sent.map((o) => [o.id, version(o)]));
  assert.deepEqual(status.failures, [{ id: invalid.id, version: status.failures![0]!.version, message: "id must be incident--UUID" }]);
  const note = status.successes!.find((s) => s.id === sent[2]!.id)!.message!;
  const incidentId = /imported as a new incident (inc_[0-9a-f]+)/.exec(note)?.[1];
  assert.ok(incidentId, note);

  assert.deepEqual(await body<Status>(call(`${ROOT}/status/${status.id}/`, ana)), status, "the status endpoint says the same");
  assert.equal((await call(`${ROOT}/status/${status.id}/`, bearer(tokens.admin))).status, 200, "admins may read any status");
  assert.equal((await call(`${ROOT}/status/${status.id}/`, bearer(tokens.red))).status, 404, "another analyst may not");
  assert.equal((await call(`${ROOT}/status/${status.id}/`)).status, 401);
  assert.equal((await call(`${ROOT}/status/3f0c2b8e-4d5a-4f6b-9c7d-8e9f0a1b2c3d/`, ana)).status, 404);

  // In the casebook, marked as sent (GREEN): the analyst finds it, a CLEAR viewer does not.
  const found = await app.request(`/api/v1/incidents?q=${encodeURIComponent("架空精機")}`, { headers: bearer(tokens.ana) });
  const items = ((await found.json()) as { items: { id: string; organization: string }[] }).items;
  assert.deepEqual(items.map((i) => [i.id, i.organization]), [[incidentId, "架空精機株式会社"]]);
  assert.equal((await store.getIncident(incidentId))!.tlp, "GREEN");
  const hidden = await app.request(`/api/v1/incidents?q=${encodeURIComponent("架空精機")}`, { headers: bearer(tokens.clara) });
  assert.deepEqual(((await hidden.json()) as { items: unknown[] }).items, []);
  assert.ok((await manifest(bearer(tokens.ana))).some((m) => m.id === stixId("incident", incidentId)), "and in the incidents collection");

  // In the submissions collection, exactly as sent.
  const back = await objects(ana, SUBMISSIONS, `&match[id]=${sent.map((o) => o.id).join(",")}`);
  assert.deepEqual(back.map((o) => o.id).sort(), sent.map((o) => o.id).sort());
  for (const o of sent) assert.deepEqual(back.find((b) => b.id === o.id), o);
  assert.deepEqual((await objects(bearer(tokens.clara), SUBMISSIONS, `&match[id]=${sent.map((o) => o.id).join(",")}`)).map((o) => o.id), [sent[0]!.id], "a CLEAR reader sees only the unmarked marking definition");

  // Audited, with the incident it opened.
  const [entry] = await store.auditLog({ target: `taxii-status:${status.id}` });
  assert.equal(entry!.who, "ana");
  assert.equal(entry!.action, "taxii.add");
  assert.deepEqual(entry!.after, { total: 6, success: 5, failure: 1, incidents: [incidentId] });

  // Sending the same objects again changes nothing; a newer version of one is a second version.
  const again = await body<Status>(add(SUBMISSIONS, sent, ana), 202);
  assert.equal(again.success_count, sent.length);
  assert.match(again.successes!.find((s) => s.id === sent[2]!.id)!.message!, /^already in the casebook/);
  const identity = sent[1]!;
  assert.deepEqual(await body<Json>(call(`${SUBMISSIONS}/objects/${identity.id}/versions/`, ana)), { more: false, versions: [NOTICE_DATE] });
  const newer = { ...identity, modified: "2025-04-01T00:00:00.000Z", sectors: ["manufacturing"] };
  await body<Status>(add(SUBMISSIONS, [newer], ana), 202);
  assert.deepEqual(await body<Json>(call(`${SUBMISSIONS}/objects/${identity.id}/versions/`, ana)), { more: false, versions: [NOTICE_DATE, newer.modified] });
  assert.deepEqual(await body<Envelope>(call(`${SUBMISSIONS}/objects/${identity.id}/`, ana)), { more: false, objects: [newer] }, "last by default");
  assert.deepEqual(await body<Envelope>(call(`${SUBMISSIONS}/objects/${identity.id}/?match[version]=first`, ana)), { more: false, objects: [identity] });
  assert.equal((await body<Envelope>(call(`${SUBMISSIONS}/objects/${identity.id}/?match[version]=all`, ana))).objects!.length, 2);
  const paged = await pages(`${SUBMISSIONS}/objects/${identity.id}/versions/`, ana, 1, "versions");
  assert.deepEqual(paged, { items: [NOTICE_DATE, newer.modified], pages: 2 }, "versions page too");

  // Deleting: the analyst removes the old version only, then the object.
  assert.equal((await call(`${SUBMISSIONS}/objects/${identity.id}/?match[version]=first`, ana, { method: "DELETE" })).status, 200);
  assert.deepEqual(await body<Json>(call(`${SUBMISSIONS}/objects/${identity.id}/versions/`, ana)), { more: false, versions: [newer.modified] });
  assert.equal((await call(`${SUBMISSIONS}/objects/${identity.id}/`, ana, { method: "DELETE" })).status, 200);
  assert.equal((await call(`${SUBMISSIONS}/objects/${identity.id}/`, ana)).status, 404);
  assert.deepEqual((await store.auditLog({ target: `stix:${identity.id}` })).map((a) => [a.who, a.action]), [["ana", "taxii.delete"], ["ana", "taxii.delete"]]);
  assert.ok(await store.getIncident(incidentId), "deleting a submission leaves the casebook alone");
});

test("viewers and anonymous readers cannot write; nobody writes to the incidents collection", async () => {
  const sent = submission("書き込み拒否の確認", "架空拒否株式会社", "CLEAR", 5);
  const anonymous = await add(SUBMISSIONS, sent, {});
  assert.equal((await body<Json>(anonymous, 401)).http_status, "401");
  assert.match(anonymous.headers.get("www-authenticate")!, /Bearer/);
  assert.equal((await body<Json>(add(SUBMISSIONS, sent, basic("vic", tokens.vic)), 403)).http_status, "403");
  assert.equal((await body<Json>(add(INCIDENTS, sent, basic("admin", tokens.admin)), 403)).http_status, "403");
  assert.equal((await body<Json>(call(`${SUBMISSIONS}/objects/`), 401)).http_status, "401", "anonymous readers cannot read submissions");
  const some = (await manifest(bearer(tokens.red)))[0]!;
  assert.equal((await call(`${INCIDENTS}/objects/${some.id}/`, bearer(tokens.admin), { method: "DELETE" })).status, 403);
  assert.equal((await call(`${SUBMISSIONS}/objects/${sent[1]!.id}/`, bearer(tokens.vic), { method: "DELETE" })).status, 403);
  assert.equal((await call(`${SUBMISSIONS}/objects/${sent[1]!.id}/`, bearer(tokens.ana), { method: "DELETE" })).status, 404);
  assert.equal((await call(`${SUBMISSIONS}/objects/`, { authorization: "Bearer jkb_nope" })).status, 401, "bad credentials are refused");
  assert.equal((await store.searchIncidents({ q: "架空拒否", limit: 5 })).length, 0, "nothing was imported");
});

test("TLP in submissions: objects marked RED (on the object or a part of it) stay with RED-cleared readers", async () => {
  const redUser = basic("red", tokens.red);
  const indicator = {
    type: "indicator", spec_version: "2.1", id: stixId("indicator", "taxii-test red"), created: NOTICE_DATE, modified: NOTICE_DATE,
    pattern: "[domain-name:value = 'c2.example-red.invalid']", pattern_type: "stix", valid_from: NOTICE_DATE, object_marking_refs: [TLP2_MARKING_IDS.RED],
  };
  const note = {
    type: "note", spec_version: "2.1", id: stixId("note", "taxii-test granular"), created: NOTICE_DATE, modified: NOTICE_DATE,
    content: "shared with the red group only", object_refs: [indicator.id], object_marking_refs: [TLP2_MARKING_IDS.GREEN],
    granular_markings: [{ marking_ref: TLP2_MARKING_IDS.RED, selectors: ["content"] }],
  };
  const status = await body<Status>(add(SUBMISSIONS, [indicator, note], redUser), 202);
  assert.equal(status.success_count, 2);
  for (const [who, auth] of [["vic", bearer(tokens.vic)], ["ana", bearer(tokens.ana)], ["lowadmin", bearer(tokens.lowadmin)]] as const) {
    const text = JSON.stringify([await objects(auth, SUBMISSIONS), await manifest(auth, SUBMISSIONS)]);
    assert.ok(!text.includes(indicator.id) && !text.includes(note.id) && !text.includes("c2.example-red"), who);
    for (const id of [indicator.id, note.id]) {
      assert.equal((await call(`${SUBMISSIONS}/objects/${id}/`, auth)).status, 404, who);
      assert.equal((await call(`${SUBMISSIONS}/objects/${id}/versions/`, auth)).status, 404, who);
    }
  }
  assert.equal((await call(`${SUBMISSIONS}/objects/${indicator.id}/`, bearer(tokens.ana), { method: "DELETE" })).status, 404, "what one cannot see one cannot delete");
  assert.deepEqual((await objects(redUser, SUBMISSIONS, `&match[id]=${indicator.id},${note.id}`)).map((o) => o.id).sort(), [indicator.id, note.id].sort());
});

test("with anonymous reading off, TAXII asks for credentials", async () => {
  const closed = appFor(store, { anonymousRead: false });
  const res = await closed.request("/taxii2/", { headers: { accept: TAXII } });
  assert.equal(res.status, 401);
  assert.equal(res.headers.get("content-type"), TAXII);
  assert.match(res.headers.get("www-authenticate")!, /Basic/);
  assert.equal(((await res.json()) as Json).http_status, "401");
  assert.equal((await closed.request("/taxii2/", { headers: { accept: TAXII, ...basic("clara", tokens.clara) } })).status, 200);
});

/**
 * What a TAXII 2.1 client does, with nothing but fetch: discover the server, take its default API root,
 * check it speaks 2.1, list the collections, page through a readable one, add objects to a writable
 * one and poll the status until it is complete.
 */
async function standardClient(server: string, user: string, password: string, send: StixObj[]) {
  const headers = { accept: TAXII, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
  const get = async <T>(url: string): Promise<T> => {
    const r = await fetch(url, { headers });
    if (r.status !== 200 || r.headers.get("content-type") !== TAXII) throw new Error(`GET ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const discovery = await get<{ default?: string; api_roots: string[] }>(`${server}/taxii2/`);
  const rootUrl = discovery.default ?? discovery.api_roots[0]!;
  const root = await get<{ versions: string[] }>(rootUrl);
  if (!root.versions.includes(TAXII)) throw new Error("no TAXII 2.1");
  const { collections } = await get<{ collections: { id: string; can_read: boolean; can_write: boolean }[] }>(`${rootUrl}collections/`);
  const readable = collections.find((c) => c.can_read)!;
  const read: StixObj[] = [];
  let next: string | undefined;
  let requests = 0;
  do {
    const env = await get<Envelope>(`${rootUrl}collections/${readable.id}/objects/?limit=25${next ? `&next=${encodeURIComponent(next)}` : ""}`);
    read.push(...(env.objects ?? []));
    next = env.more ? env.next : undefined;
    requests++;
  } while (next);
  const writable = collections.find((c) => c.can_write)!;
  const posted = await fetch(`${rootUrl}collections/${writable.id}/objects/`, {
    method: "POST", headers: { ...headers, "content-type": TAXII }, body: JSON.stringify({ objects: send }),
  });
  if (posted.status !== 202) throw new Error(`POST: ${posted.status} ${await posted.text()}`);
  let status = (await posted.json()) as Status;
  for (let i = 0; status.status !== "complete"; i++) {
    if (i > 50) throw new Error("the status never completed");
    await new Promise((r) => setTimeout(r, 100));
    status = await get<Status>(`${rootUrl}status/${status.id}/`);
  }
  status = await get<Status>(`${rootUrl}status/${status.id}/`);
  const stored = await get<Envelope>(`${rootUrl}collections/${writable.id}/objects/?match[id]=${send.map((o) => o.id).join(",")}`);
  return { read, requests, status, stored: stored.objects ?? [] };
}

test("a standard TAXII client over a listening server: discover, page, add, poll", async () => {
  const server = await startServer({ store, host: "127.0.0.1", port: 0, settings: { anonymousRead: false, allowPrivate: false }, pollEveryMs: 3_600_000, deliverEveryMs: 3_600_000 });
  try {
    const send = submission("標準クライアントからの登録", "架空標準化機構株式会社", "AMBER", 42);
    const expected = await manifest(bearer(tokens.ana));
    const out = await standardClient(server.url, "ana", tokens.ana, send);
    assert.deepEqual(out.read.map(key), expected.map(key), "every object the analyst may see, once");
    assert.equal(out.requests, Math.ceil(expected.length / 25));
    assert.ok(!JSON.stringify(out.read).includes(TLP2_MARKING_IDS.RED), "an AMBER analyst gets nothing RED");
    assert.deepEqual([out.status.status, out.status.success_count, out.status.failure_count], ["complete", send.length, 0]);
    assert.deepEqual(out.stored.map((o) => o.id).sort(), send.map((o) => o.id).sort());
    const [hit] = await store.searchIncidents({ q: "架空標準化機構", limit: 5 });
    assert.equal((await store.getIncident(hit!.id))!.tlp, "AMBER");
    const anonymous = await fetch(`${server.url}/taxii2/`, { headers: { accept: TAXII } });
    assert.equal(anonymous.status, 401);
  } finally {
    await server.close();
  }
});

/** The TAXII part of the store contract, for one backend. */
function taxiiStoreContract(name: string, open: () => Promise<Store>): void {
  test(`${name} store: submitted objects and status resources`, async () => {
    const s = await open();
    try {
      const obj = (id: string, tlp: string, v: string | null) => ({ id, version: v, type: id.split("--")[0]!, spec_version: "2.1", tlp, object: { id, v } });
      const a = "identity--2d7c1f3e-5b4a-4c6d-8e9f-0a1b2c3d4e5f", b = "ipv4-addr--7e6d5c4b-3a29-5817-9f0e-1d2c3b4a5968";
      const first = await s.addTaxiiObjects([obj(a, "CLEAR", "2025-01-01T00:00:00.000Z"), obj(b, "RED", null)]);
      const second = await s.addTaxiiObjects([obj(a, "CLEAR", "2025-01-01T00:00:00.000Z"), obj(a, "GREEN", "2025-02-01T00:00:00.000Z")]);
      assert.ok(second > first, "a later addition gets a later date");
      const all = await s.taxiiObjects({ tlp: ["CLEAR", "GREEN", "RED"] });
      assert.deepEqual(all.map((o) => [o.id, o.version, o.date_added, o.tlp]), [
        [a, "2025-01-01T00:00:00.000Z", first, "CLEAR"], [b, first, first, "RED"], [a, "2025-02-01T00:00:00.000Z", second, "GREEN"],
      ], "ordered by date added; a version kept stays; no version takes the date added");
      assert.deepEqual(all[0]!.object, { id: a, v: "2025-01-01T00:00:00.000Z" });
      assert.deepEqual((await s.taxiiObjects({ tlp: ["CLEAR"] })).map((o) => o.id), [a]);
      assert.deepEqual((await s.taxiiObjects({ tlp: ["CLEAR", "GREEN", "RED"], ids: [b] })).map((o) => o.id), [b]);
      assert.deepEqual(await s.taxiiObjects({ tlp: ["CLEAR"], ids: [] }), []);
      assert.equal(await s.removeTaxiiObjects(a, ["2025-01-01T00:00:00.000Z"], { who: "ana" }), 1);
      assert.equal(await s.removeTaxiiObjects(a, ["1999-01-01T00:00:00.000Z"], { who: "ana" }), 0);
      assert.deepEqual((await s.auditLog({ target: `stix:${a}` })).map((r) => [r.who, r.action, r.before]), [["ana", "taxii.delete", { versions: ["2025-01-01T00:00:00.000Z"] }]]);
      assert.deepEqual((await s.taxiiObjects({ tlp: ["CLEAR", "GREEN"] })).map((o) => o.version), ["2025-02-01T00:00:00.000Z"]);
      const status = { id: "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", status: "complete", total_count: 1 };
      await s.saveTaxiiStatus({ id: status.id, who: "ana", status, markings: { a: "GREEN" } });
      assert.deepEqual(await s.taxiiStatus(status.id), { id: status.id, who: "ana", status, markings: { a: "GREEN" } });
      assert.equal(await s.taxiiStatus("0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"), null);
    } finally {
      await s.close();
    }
  });
}

taxiiStoreContract("sqlite", async () => {
  const s = new SqliteStore(join(tempDir("jikenbo-taxii-"), "casebook.db"));
  await s.migrate();
  return s;
});

await withPostgres("postgres store: submitted objects and status resources", () =>
  taxiiStoreContract("postgres", async () => {
    const s = await PostgresStore.connect(await freshDatabase());
    await s.migrate();
    return s;
  }));
