import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, ROOT, tempDir } from "./helpers.js";

const db = join(tempDir(), "casebook.db");
const examples = join(ROOT, "examples/notices");

test("ingest the bundled examples: summary, then idempotent re-ingest", async () => {
  const first = await cli(["ingest", "--db", db, examples]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /documents read: 12 \(12 new, 0 already archived\)/);
  assert.match(first.stdout, /incidents: 12 new, 0 updated, 0 unchanged/);
  assert.match(first.stdout, /failures: 0/);
  const again = await cli(["ingest", "--db", db, examples]);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /\(0 new, 11 already archived\)/);
  assert.match(again.stdout, /incidents: 0 new/);
});

test("list --json gives stable ids; list --limit; show prints every field with its source words", async () => {
  const rows = JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { id: string; organization: string }[];
  assert.equal(rows.length, 12);
  const again = JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { id: string }[];
  assert.deepEqual(again.map((r) => r.id), rows.map((r) => r.id));
  assert.equal((JSON.parse((await cli(["list", "--db", db, "--json", "--limit", "3"])).stdout) as unknown[]).length, 3);
  const hospital = rows.find((r) => r.organization.includes("みなと中央病院"))!;
  const shown = await cli(["show", hospital.id, "--db", db]);
  assert.equal(shown.code, 0);
  assert.match(shown.stdout, /affected_count: 12400\n\s+….*\[約12,400名\]/);
  assert.match(shown.stdout, /reported_to: ppc, police, ministry/);
  assert.match(shown.stdout, /sources:\n\s+.*01-ransomware-hospital\.txt/);
  const json = JSON.parse((await cli(["show", hospital.id, "--db", db, "--json"])).stdout) as { fields: { incident_types: string[] } };
  assert.deepEqual(json.fields.incident_types, ["ransomware", "unauthorized_access"]);
  assert.equal((await cli(["show", "inc_nope", "--db", db])).code, 1);
});

test("search: Japanese words of three or more and of two characters, with filters", async () => {
  const ids = async (args: string[]) => (JSON.parse((await cli(["search", ...args, "--db", db, "--json"])).stdout) as { organization: string }[]).map((r) => r.organization);
  assert.equal((await ids(["不正アクセス"])).length, 4);
  assert.deepEqual(await ids(["ランサムウェア"]), ["医療法人社団青葉会 みなと中央病院"]);
  assert.deepEqual(await ids(["紛失"]), ["東山県西川市"]);
  assert.deepEqual(await ids(["不正アクセス", "--type", "web_skimming", "--since", "2024-01-01"]), ["株式会社さくら雑貨店"]);
  assert.deepEqual(await ids(["不正アクセス", "--sector", "retail_ec", "--until", "2024-01-01"]), []);
});

test("list and search: --cause, --basics and --sort", async () => {
  type Row = { id: string; organization: string; affected_count: number | null };
  const rows = async (args: string[]) => JSON.parse((await cli([...args, "--db", db, "--json"])).stdout) as Row[];
  const all = await rows(["list"]);
  const lost = await rows(["list", "--cause", "紛失・誤廃棄"]);
  assert.deepEqual(lost.map((r) => r.organization), ["東山県西川市"]);
  const hacked = await rows(["search", "不正アクセス", "--cause", "ウイルス感染・不正アクセス"]);
  assert.ok(hacked.length >= 1 && hacked.length <= (await rows(["search", "不正アクセス"])).length);
  const lesson = await rows(["list", "--basics", "manage_what_you_run"]);
  assert.ok(lesson.length >= 1 && lesson.length < all.length);
  const shown = JSON.parse((await cli(["show", lesson[0]!.id, "--db", db, "--json"])).stdout) as { tags: { taxonomy: string; value: string }[] };
  assert.ok(shown.tags.some((t) => t.taxonomy === "basics" && t.value === "manage_what_you_run"));
  const byCount = (await rows(["list", "--sort", "affected"])).map((r) => r.affected_count);
  const known = byCount.filter((n): n is number => n !== null);
  assert.deepEqual(byCount, [...[...known].sort((a, b) => b - a), ...byCount.filter((n) => n === null)]);
  assert.deepEqual((await rows(["list", "--sort", "oldest"])).map((r) => r.id).sort(), all.map((r) => r.id).sort());
  assert.notDeepEqual((await rows(["list", "--sort", "oldest"])).map((r) => r.id), all.map((r) => r.id));
  const bad = await cli(["list", "--sort", "random", "--db", db]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown --sort random; one of: newest, oldest, affected/);
  assert.equal((await cli(["search", "x", "--cause", "hacked", "--db", db])).code, 2);
});

test("bad usage exits 2 with a clear message", async () => {
  const r = await cli(["search", "x", "--type", "spam", "--db", db]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown --type spam/);
  assert.equal((await cli(["list", "--since", "yesterday", "--db", db])).code, 2);
  assert.equal((await cli(["ingest"])).code, 2);
  assert.equal((await cli(["frobnicate"])).code, 2);
});

test("extract --json prints notices with gold field names, spans and confidences, without a store", async () => {
  const r = await cli(["extract", "--json", join(examples, "11-news-listing.txt")]);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout) as { notices: { title: string; is_incident: boolean; span: [number, number]; incident: Record<string, unknown> | null }[] };
  assert.deepEqual(out.notices.map((n) => n.is_incident), [false, true, false, true]);
  const inc = out.notices[1]!.incident!;
  for (const k of ["organization", "disclosed_on", "discovered_on", "incident_types", "affected_count", "affected_count_text", "data_types", "reported_to", "sector", "indicators", "evidence", "confidence"]) {
    assert.ok(k in inc, k);
  }
  assert.equal(inc.affected_count, 8600);
  const ev = (inc.evidence as Record<string, { span: [number, number]; text: string }[]>).affected_count![0]!;
  assert.equal(ev.text, "約8,600名");
});

test("extract reads standard input", async () => {
  const r = await cli(["extract", "--json", "-"], { input: "不正アクセスに関するお知らせ\n\n2025年1月5日、当社サーバーへの不正アクセスを確認しました。\n" });
  assert.equal(r.code, 0);
  assert.equal((JSON.parse(r.stdout) as { notices: { incident: { discovered_on: string } }[] }).notices[0]!.incident.discovered_on, "2025-01-05");
});

test("reextract runs the rules again over the archive and leaves ids and counts as they were", async () => {
  const before = JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { id: string }[];
  const r = await cli(["reextract", "--db", db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /re-extracted 12 documents, \d+ notices .* incidents 0 changed, 12 unchanged, 0 failed/);
  const after = JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { id: string }[];
  assert.deepEqual(after.map((x) => x.id).sort(), before.map((x) => x.id).sort());
});
