import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { analysisDigest } from "../src/core/digest.js";
import { makeDocument } from "../src/core/document.js";
import { analyse, openDocument } from "../src/core/pipeline.js";
import type { Casefile, Reanalysis } from "../src/core/types.js";
import type { Writer } from "../src/casebook/authorize.js";
import { synthetic } from "../bench/generate.js";
import { searchText, SYSTEM_WRITER as OWNER, TOKEN_USE_RESOLUTION_MS } from "../src/store/records.js";
import { SORTS, type Facets, type SaveResult, type SearchQuery, type Store } from "../src/store/types.js";

/** Analyse a text the way ingest does. */
export async function casefileOf(text: string, source: string, fetchedAt = "2025-01-01T00:00:00.000Z"): Promise<Casefile> {
  const [cf] = await openDocument(makeDocument(Buffer.from(text), { source, fetchedAt }));
  return analyse(cf!);
}

/** A casefile as re-extraction hands it to the store, with the digest of its analysis. */
function reanalysis(cf: Casefile): Reanalysis {
  return { kind: "changed", casefile: cf, digest: analysisDigest(cf) };
}

const RANSOM = "2025年5月2日\n株式会社テスト商会\n\nランサムウェア被害に関するお知らせ\n\n2025年4月28日、当社のファイルサーバーがランサムウェアに感染し、ファイルが暗号化されたことを確認しました。顧客約2,000名の氏名と住所が流出した可能性があります。個人情報保護委員会に報告しました。\n";
const LOSS = "2024年9月10日\nみなと市\n\n書類の紛失について\n\n9月6日、市民120名分の氏名と住所を記載した名簿を紛失したことが判明しました。\n";
const LISTING = "2025年3月\n日付 タイトル・内容\n12日\n内容を非表示にする\n不正アクセス 会員サイトへの不正ログイン/株式会社かもめ書房\n【状況】\n会員約3,000名のアカウントに不正ログインされた可能性\n11日\n内容を非表示にする\nセキュリティ対策 銀行をかたるフィッシングの注意喚起/架空対策会議\n【概要】\n注意喚起\n";

/** A notice with ASCII, punctuation, LIKE wildcards and characters at the ends of runs, for searches. */
export const ODD = "2025年6月9日\n株式会社ＤＤｏＳ対策研究所\n\nサイバー攻撃（DDoS攻撃）について\n\n当社サイトがDDoS攻撃を受けました。原因を是正。利用率100%_超、被害額は2,000円。\n";
/** Queries whose answer both backends must agree on: one character at the end of a run, wildcards, case, width, punctuation. */
export const ODD_QUERIES = [
  "正", "是正", "是正。", "不%", "%", "100%", "%_", "_", "不正", "不正ア", "ddos", "DDoS", "ＤＤｏＳ", "d", "s", "o", "1", "00", "2,000", "名", "簿", "ー", "ア", "・", "（", "(", "。",
  "氏名 正", "個人 情報", "テスト 正", "被害 %", "攻撃", "円", "究所", "e", "\"", "'",
];

/** True when an incident's searchable words (title, organisation, parties, notices; NFKC, lower case) hold every word of `q`. */
async function holdsEvery(s: Store, id: string, q: string): Promise<boolean> {
  const d = (await s.getIncident(id))!;
  const bodies: string[] = [];
  for (const n of d.notices) bodies.push(((await s.getDocument(n.document))?.text ?? "").slice(n.span[0], n.span[1]));
  const text = searchText(d.title, d.fields, bodies).toLowerCase();
  return q.normalize("NFKC").trim().split(/\s+/).filter(Boolean).every((w) => text.includes(w.toLowerCase()));
}

/** Everything a casebook holds about its incidents, without the times it was written at: to compare two ways of filling it. */
export async function casebookOf(s: Store): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const i of await s.listIncidents({ limit: -1 })) {
    const { updated_at: _u, created_at: _c, notices, ...d } = (await s.getIncident(i.id))!;
    const sources = notices.map(({ link, ...n }) => ({ ...n, link: link && { ...link, at: null } }));
    out.push({ ...d, notices: sources, history: (await s.history(i.id)).map((e) => ({ ...e, at: null })) });
  }
  const documents: unknown[] = [];
  for await (const { bytes: _b, ...d } of s.documents()) documents.push(d);
  return [out, documents];
}

/** The behaviour every store backend must show; run it with a factory for a fresh, empty store. */
export function storeContract(name: string, fresh: () => Promise<Store>): void {
  const withStore = async (body: (s: Store) => Promise<void>) => {
    const s = await fresh();
    try { await body(s); } finally { await s.close(); }
  };

  test(`${name}: saving a document stores its incidents once; the same bytes again change nothing`, () =>
    withStore(async (s) => {
      const cf = await casefileOf(RANSOM, "notice.txt");
      const first = await s.saveCasefile(cf, OWNER);
      assert.deepEqual({ ...first, incidentIds: first.incidentIds.length }, { stored: true, notices: 1, incidentsNew: 1, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: 1 });
      assert.equal(await s.hasDocument(cf.doc.sha256), true);
      const again = await s.saveCasefile(await casefileOf(RANSOM, "copy-of-notice.txt"), OWNER);
      assert.equal(again.stored, false);
      assert.equal(await s.countIncidents(), 1);
      const doc = await s.getDocument(cf.doc.sha256);
      assert.deepEqual(doc?.sources.map((x) => x.source).sort(), ["copy-of-notice.txt", "notice.txt"]);
      assert.deepEqual(Buffer.from(doc!.bytes).toString("utf8"), RANSOM);
    }));

  test(`${name}: list is newest first and filters by type, sector and date`, () =>
    withStore(async (s) => {
      for (const [t, src] of [[RANSOM, "a.txt"], [LOSS, "b.txt"], [LISTING, "c.txt"]] as const) await s.saveCasefile(await casefileOf(t, src), OWNER);
      const all = await s.listIncidents();
      assert.deepEqual(all.map((i) => i.disclosed_on), ["2025-05-02", "2025-03-12", "2024-09-10"]);
      assert.equal(all.length, 3, "the advisory in the listing is not an incident");
      assert.deepEqual((await s.listIncidents({ type: "loss" })).map((i) => i.organization), ["みなと市"]);
      assert.deepEqual((await s.listIncidents({ sector: "government" })).map((i) => i.organization), ["みなと市"]);
      assert.equal((await s.listIncidents({ since: "2025-01-01" })).length, 2);
      assert.equal((await s.listIncidents({ until: "2024-12-31" })).length, 1);
      assert.equal((await s.listIncidents({ limit: 1, offset: 1 }))[0]?.organization, "株式会社かもめ書房");
    }));

  test(`${name}: search finds Japanese words of any length, with filters`, () =>
    withStore(async (s) => {
      for (const [t, src] of [[RANSOM, "a.txt"], [LOSS, "b.txt"], [LISTING, "c.txt"]] as const) await s.saveCasefile(await casefileOf(t, src), OWNER);
      assert.deepEqual((await s.searchIncidents({ q: "ランサムウェア" })).map((i) => i.organization), ["株式会社テスト商会"]);
      assert.deepEqual((await s.searchIncidents({ q: "紛失" })).map((i) => i.organization), ["みなと市"]);
      assert.deepEqual((await s.searchIncidents({ q: "名簿" })).map((i) => i.organization), ["みなと市"]);
      assert.deepEqual((await s.searchIncidents({ q: "簿" })).map((i) => i.organization), ["みなと市"]);
      assert.deepEqual((await s.searchIncidents({ q: "ＲＡＮＳＯＭ" })).length, 0);
      assert.equal((await s.searchIncidents({ q: "不正ログイン", type: "ransomware" })).length, 0);
      assert.equal((await s.searchIncidents({ q: "氏名 住所" })).length, 2);
      assert.equal((await s.searchIncidents({ q: "%" })).length, 0, "LIKE wildcards are matched literally");
      assert.equal((await s.searchIncidents({ q: "\"" })).length, 0, "quotes cannot break the query");
    }));

  test(`${name}: an incident keeps its evidence and the notice it came from`, () =>
    withStore(async (s) => {
      const cf = await casefileOf(RANSOM, "a.txt");
      await s.saveCasefile(cf, OWNER);
      const [summary] = await s.listIncidents();
      const inc = await s.getIncident(summary!.id);
      assert.equal(inc?.fields.affected_count, 2000);
      assert.deepEqual(inc?.fields.reported_to, ["ppc"]);
      assert.equal(inc?.notices.length, 1);
      const f = inc!.notices[0]!.findings.find((x) => x.field === "affected_count")!;
      assert.equal(cf.text.slice(f.span[0], f.span[1]), f.text);
      assert.equal(await s.getIncident("inc_missing"), null);
    }));

  test(`${name}: re-analysis keeps incident ids and reports what changed`, () =>
    withStore(async (s) => {
      const cf = await casefileOf(RANSOM, "a.txt");
      await s.saveCasefile(cf, OWNER);
      const [before] = await s.listIncidents();
      const same = await s.replaceAnalysis([reanalysis(await casefileOf(RANSOM, "a.txt"))]);
      assert.deepEqual([same.incidentsNew, same.incidentsUpdated, same.incidentsUnchanged], [0, 0, 1]);
      const told = await s.replaceAnalysis([{ kind: "same", sha256: cf.doc.sha256, notices: cf.notices.length }]);
      assert.deepEqual([told.notices, told.incidentsNew, told.incidentsUpdated, told.incidentsUnchanged], [cf.notices.length, 0, 0, 1]);
      const changed = await casefileOf(RANSOM, "a.txt");
      changed.notices[0]!.incident!.fields.affected_count = 2500;
      const r = await s.replaceAnalysis([reanalysis(changed)]);
      assert.equal(r.incidentsUpdated, 1);
      const [after] = await s.listIncidents();
      assert.equal(after!.id, before!.id);
      assert.equal(after!.affected_count, 2500);
      const docs: [string, string | null][] = [];
      for await (const d of s.documents()) docs.push([d.sha256, d.analysis]);
      assert.deepEqual(docs, [[cf.doc.sha256, analysisDigest(changed)]], "each document with the digest of its stored analysis");
    }));

  const FOLLOW_UP = RANSOM.replace("ランサムウェア被害に関するお知らせ", "ランサムウェア被害に関するお知らせ（第2報）").replace("2025年5月2日", "2025年5月20日").replace("約2,000名", "1,850名");
  const OTHER_ORG = RANSOM.replace(/テスト商会/g, "ひかり商事");

  test(`${name}: the same incident from several sources is one incident; a follow-up updates it and keeps the history`, () =>
    withStore(async (s) => {
      await s.saveCasefile(await casefileOf(RANSOM, "first.txt", "2025-05-02T00:00:00.000Z"), OWNER);
      const r = await s.saveCasefile(await casefileOf(FOLLOW_UP, "second.txt", "2025-05-20T00:00:00.000Z"), OWNER);
      assert.deepEqual([r.incidentsNew, r.incidentsUpdated], [0, 1]);
      await s.saveCasefile(await casefileOf(OTHER_ORG, "other.txt"), OWNER);
      assert.equal(await s.countIncidents(), 2);
      const hashes = await s.documentHashes();
      const every: string[] = [], some: string[] = [];
      for await (const d of s.documents()) every.push(d.sha256);
      assert.deepEqual(every, hashes, "documents come in archive order");
      assert.equal(hashes.length, 3);
      for await (const d of s.documents([hashes[2]!, hashes[0]!])) some.push(d.sha256);
      assert.deepEqual(some, [hashes[2], hashes[0]], "a chunk of documents, in the order asked (a re-extraction job's)");
      // More than a page of documents (walked a page at a time), many archived at the same moment.
      for (let i = 0; i < 120; i++) await s.saveContainer({ doc: makeDocument(Buffer.from(`feed ${i}`), { source: `feed-${i}.xml`, fetchedAt: "2025-06-01T00:00:00.000Z" }), messages: [] });
      const all: string[] = [];
      for await (const d of s.documents()) all.push(d.sha256);
      assert.equal(all.length, 123);
      assert.deepEqual(all, await s.documentHashes(), "every document once, in archive order, across pages");
      const [inc] = await s.searchIncidents({ q: "テスト商会" });
      const d = (await s.getIncident(inc!.id))!;
      assert.equal(d.notices.length, 2);
      assert.equal(d.fields.affected_count, 1850, "the later report's count replaces the first");
      assert.deepEqual(d.notices.map((n) => n.fields?.affected_count), [2000, 1850], "each source keeps its own count");
      assert.equal(d.notices[1]!.link?.method, "auto");
      assert.ok(d.notices[1]!.link!.score! >= 0.7);
      assert.match(d.notices[1]!.link!.reason, /same organisation/);
      const h = await s.history(inc!.id);
      assert.deepEqual(h.map((e) => e.action).slice(0, 2), ["created", "source_added"]);
    }));

  /** Documents in the order one run of an ingest would save them: new incidents, a follow-up, a listing. */
  const RUN: [string, string, string?][] = [[RANSOM, "a.txt", "2025-05-02T00:00:00.000Z"], [LOSS, "b.txt"], [FOLLOW_UP, "e.txt", "2025-05-20T00:00:00.000Z"], [OTHER_ORG, "d.txt"], [LISTING, "c.txt"]];

  test(`${name}: a batch saves what saving its casefiles one by one saves, and saving it again changes nothing`, async () => {
    const one = await fresh();
    const all = await fresh();
    try {
      const singly = [];
      for (const [t, src, at] of RUN) singly.push(await one.saveCasefile(await casefileOf(t, src, at), OWNER));
      const batch = await Promise.all(RUN.map(async ([t, src, at], i) => {
        const casefile = await casefileOf(t, src, at);
        // Half carry the digest their analysis was given on a worker; the store computes the others'.
        return i % 2 ? { casefile, digest: analysisDigest(casefile) } : { casefile };
      }));
      const watch = await all.addWatchlist({ name: "vendor", kind: "organization", pattern: "テスト商会", webhook_url: null, secret: null }, { who: "ana" });
      const together = await all.saveCasefiles(batch, OWNER);
      assert.deepEqual(together, singly);
      const watched = (await all.listIncidents({ limit: -1 })).filter((i) => i.organization?.includes("テスト商会")).map((i) => i.id);
      assert.equal(watched.length, 1);
      assert.deepEqual((await all.hits(watch.id)).map((h) => h.incident_id), watched, "the batch records the hits of the incidents it opened");
      assert.deepEqual(await casebookOf(all), await casebookOf(one));
      const again = await all.saveCasefiles([...batch].reverse(), OWNER);
      assert.ok(again.every((r) => !(r instanceof Error) && !r.stored && r.notices === 0), "every document is archived already");
      assert.deepEqual(await casebookOf(all), await casebookOf(one), "saving the batch again changes nothing");
      const leak = { casefile: await casefileOf(LEAK("あかね工業", 7), "f.txt") };
      const twice = await all.saveCasefiles([leak, leak], OWNER);
      assert.deepEqual(twice.map((r) => !(r instanceof Error) && r.stored), [true, false], "the same bytes twice in one batch are archived once");
    } finally {
      await one.close();
      await all.close();
    }
  });

  test(`${name}: batches of new documents, some reporting incidents of earlier ones, save what one by one saves`, async () => {
    const one = await fresh();
    const all = await fresh();
    try {
      // Notices of their own; the second report of three of them (in the batch of the first, and in later
      // batches) and a third of one (after its second, in the same batch), the same bytes twice, and bytes
      // archived before the batch.
      const own = Array.from({ length: 30 }, (_, i) => synthetic(i).text);
      const second = (i: number) => own[i]!.replace(/^(\d+)年/, (_, y: string) => `${Number(y) + 1}年`).replace(/\n\n(.+)\n\n/, "\n\n$1（第2報）\n\n") + "調査の結果、新たな事実は確認されておりません。\n";
      const third = second(25).replace("（第2報）", "（第3報）") + "再発防止策を策定しました。\n";
      const texts = [...own.slice(0, 8), second(2), ...own.slice(8, 20), second(9), own[5]!, LISTING, ...own.slice(20), second(25), third, second(0)];
      const casefiles = await Promise.all(texts.map((t, i) => casefileOf(t, `s/${i}.txt`)));
      const before = await casefileOf(RANSOM, "before.txt");
      for (const s of [one, all]) await s.saveCasefile(before, OWNER);
      const singly = [];
      for (const cf of casefiles) singly.push(await one.saveCasefile(cf, OWNER));
      const together = [];
      for (let i = 0; i < casefiles.length; i += 12) {
        const chunk = casefiles.slice(i, i + 12).map((casefile, k) => (k % 3 ? { casefile } : { casefile, digest: analysisDigest(casefile) }));
        if (i !== 12) together.push(...await all.saveCasefiles(chunk, OWNER));
        else {
          const [again, ...saved] = await all.saveCasefiles([{ casefile: before }, ...chunk], OWNER);
          assert.ok(!(again instanceof Error) && !again!.stored, "archived before the batch");
          together.push(...saved);
        }
      }
      assert.deepEqual(together, singly);
      const joined = singly.filter((r) => r.incidentsNew === 0 && r.incidentsUpdated + r.incidentsUnchanged > 0).length;
      assert.equal(joined, 5, "each later report joins the first");
      assert.deepEqual(await casebookOf(all), await casebookOf(one));
      for (const q of ["第2報", "新たな事実", synthetic(17).organization, "漏えい"]) {
        const found = async (s: Store) => (await s.searchIncidents({ q, limit: -1 })).map((i) => i.id);
        assert.deepEqual(await found(all), await found(one), q);
        assert.deepEqual(await all.facets({ q }), await one.facets({ q }), q);
      }
    } finally {
      await one.close();
      await all.close();
    }
  });

  test(`${name}: a notice that joins an incident without changing a field adds its words to what search finds`, () =>
    withStore(async (s) => {
      await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      const r = await s.saveCasefile(await casefileOf(RANSOM.replace("個人情報保護委員会に報告しました。", "個人情報保護委員会に報告しました。社内では「くもりぞら計画」と呼んでいます。"), "b.txt"), OWNER);
      assert.deepEqual([r.incidentsNew, r.incidentsUpdated, r.incidentsUnchanged], [0, 0, 1], "joined, its fields unchanged");
      const [inc] = await s.listIncidents({ limit: -1 });
      assert.equal((await s.getIncident(inc!.id))!.notices.length, 2);
      assert.deepEqual((await s.searchIncidents({ q: "くもりぞら計画" })).map((i) => i.id), [inc!.id]);
      assert.equal((await s.facets({ q: "くもりぞら計画" })).total, 1);
    }));

  test(`${name}: the incidents a save opens are as a refresh from the stored rows computes them`, () =>
    withStore(async (s) => {
      const batch = await Promise.all(RUN.map(async ([t, src, at]) => ({ casefile: await casefileOf(t, src, at) })));
      await s.saveCasefiles(batch, OWNER);
      const saved = await casebookOf(s);
      // Every document analysed "anew" (another digest, the same notices): each incident is read back and recomputed.
      const r = await s.replaceAnalysis(batch.map(({ casefile }) => ({ kind: "changed", casefile, digest: "recomputed" })));
      assert.equal(r.incidentsUpdated, 0);
      assert.equal(r.incidentsUnchanged, (await s.listIncidents({ limit: -1 })).length);
      const [incidents, documents] = (await casebookOf(s)) as [unknown[], { analysis: string }[]];
      assert.deepEqual([incidents, documents.map((d) => ({ ...d, analysis: "x" }))], [saved[0], (saved[1] as { analysis: string }[]).map((d) => ({ ...d, analysis: "x" }))]);
    }));

  test(`${name}: a casefile that fails in a batch is rolled back alone and its error takes its place`, () =>
    withStore(async (s) => {
      const writer: Writer = { who: "ana", clearance: "AMBER" };
      const red = await casefileOf(LEAK("あかね工業", 7).replace("不正アクセスに関するお知らせ", "不正アクセスに関するお知らせ TLP:RED"), "red.txt");
      assert.ok(red.notices[0]!.incident!.tags.some((t) => t.taxonomy === "tlp" && t.value === "RED"));
      // This one breaks after its document and first notice were written.
      const broken = await casefileOf(LEAK("くるみ食品", 8), "broken.txt");
      (broken.notices[0]!.incident!.findings[0]!.value as unknown) = 1n;
      const batch = [await casefileOf(RANSOM, "a.txt"), red, await casefileOf(LOSS, "b.txt"), broken, await casefileOf(OTHER_ORG, "d.txt")];
      const food = await s.addWatchlist({ name: "food", kind: "organization", pattern: "くるみ食品", webhook_url: null, secret: null }, { who: "ana" });
      const vendor = await s.addWatchlist({ name: "vendor", kind: "organization", pattern: "テスト商会", webhook_url: null, secret: null }, { who: "ana" });
      const results = await s.saveCasefiles(batch.map((casefile) => ({ casefile })), writer);
      assert.equal(results.length, batch.length);
      assert.match(String(results[1]), /ForbiddenError: .*TLP:RED, above your clearance TLP:AMBER/);
      assert.match(String(results[3]), /BigInt/);
      for (const i of [0, 2, 4]) assert.ok(!(results[i] instanceof Error) && results[i]!.stored && results[i]!.incidentsNew === 1, `casefile ${i} saved`);
      assert.deepEqual(await Promise.all(batch.map((cf) => s.hasDocument(cf.doc.sha256))), [true, false, true, false, true]);
      assert.deepEqual([...await s.archivedDocuments(batch.map((cf) => cf.doc.sha256))].sort(), [0, 2, 4].map((i) => batch[i]!.doc.sha256).sort());
      assert.deepEqual((await s.listIncidents({ limit: -1 })).map((i) => i.organization).sort(), ["みなと市", "株式会社テスト商会", "株式会社ひかり商事"].sort());
      assert.equal((await s.searchIncidents({ q: "くるみ食品" })).length, 0, "nothing of the broken casefile is kept");
      assert.deepEqual(await s.hits(food.id), [], "no hit for the rolled-back casefile");
      assert.deepEqual((await s.hits(vendor.id)).map((h) => h.incident_id), [(results[0] as SaveResult).incidentIds[0]], "a hit for a casefile saved beside it");
    }));

  test(`${name}: merge and unmerge are reversible and explained; a split is not merged back`, () =>
    withStore(async (s) => {
      await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      await s.saveCasefile(await casefileOf(OTHER_ORG, "b.txt"), OWNER);
      const [a, b] = (await s.listIncidents()).map((i) => i.id).sort();
      const merged = await s.merge(a!, [b!], { who: "tanaka", why: "same attack", clearance: "RED" });
      assert.equal(merged.notices.length, 2);
      assert.equal(merged.notices[1]!.link?.method, "manual");
      assert.deepEqual(merged.aliases, [b]);
      assert.equal((await s.getIncident(b!))?.id, a, "the merged id resolves to the target");
      assert.equal(await s.countIncidents(), 1);
      const split = await s.unmerge(a!, { who: "tanaka", why: "different companies", clearance: "RED" });
      assert.equal(split.length, 1);
      assert.equal(await s.countIncidents(), 2);
      assert.equal((await s.getIncident(split[0]!))?.notices.length, 1);
      const actions = (await s.history(a!)).map((e) => e.action);
      assert.ok(actions.includes("merged") && actions.includes("unmerged"), actions.join());
      await assert.rejects(s.unmerge(split[0]!, { who: "tanaka", clearance: "RED" }), /single source/);
      await assert.rejects(s.merge("inc_missing", [a!], { who: "x", clearance: "RED" }), /no incident inc_missing/);
    }));

  test(`${name}: an import's placement decides where a notice goes, in the transaction that saves it`, () =>
    withStore(async (s) => {
      const importer: Writer = { who: "importer", why: "imported from x.json", clearance: "AMBER" };
      const opened = await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), importer, { placement: { open: { fields: [{ field: "affected_count", value: 2100 }], tlp: "GREEN" } } });
      const [id] = opened.incidentIds;
      assert.equal(opened.incidentsNew, 1);
      let inc = (await s.getIncident(id!))!;
      assert.equal(inc.fields.affected_count, 2100);
      assert.equal(inc.tlp, "GREEN");
      assert.deepEqual(inc.overrides.map((o) => [o.field, o.who]), [["affected_count", "importer"], ["tlp", "importer"]]);
      // Another organisation's notice, which correlation would never join to it, joins it as placed.
      const joined = await s.saveCasefile(await casefileOf(OTHER_ORG, "b.txt"), importer, { placement: { join: id! } });
      assert.deepEqual([joined.incidentsNew, joined.incidentIds], [0, [id]]);
      inc = (await s.getIncident(id!))!;
      assert.equal(inc.notices.length, 2);
      assert.equal(inc.notices[1]!.link?.method, "manual");
      assert.deepEqual(inc.aliases, []);
      assert.equal(await s.countIncidents(), 1);
      assert.deepEqual((await s.history(id!)).map((e) => e.action), ["created", "edited", "edited", "source_added"]);
      await assert.rejects(s.saveCasefile(await casefileOf(LOSS, "c.txt"), importer, { placement: { join: "inc_missing" } }), /no incident inc_missing/);
      assert.equal(await s.hasDocument((await casefileOf(LOSS, "c.txt")).doc.sha256), false, "nothing of a refused save is kept");
    }));

  test(`${name}: analysts' corrections win over extraction and survive re-analysis until reverted`, () =>
    withStore(async (s) => {
      await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      const [inc] = await s.listIncidents();
      const edited = await s.edit(inc!.id, [{ field: "affected_count", value: 2100 }, { field: "tlp", value: "AMBER" }], { who: "sato", why: "press call", clearance: "RED" });
      assert.equal(edited.fields.affected_count, 2100);
      assert.equal(edited.tlp, "AMBER");
      assert.equal(edited.overrides.find((o) => o.field === "affected_count")?.who, "sato");
      const changed = await casefileOf(RANSOM, "a.txt");
      changed.notices[0]!.incident!.fields.affected_count = 9999;
      changed.notices[0]!.incident!.fields.sector = "medical";
      await s.replaceAnalysis([reanalysis(changed)]);
      const after = (await s.getIncident(inc!.id))!;
      assert.equal(after.fields.affected_count, 2100, "the correction survives");
      assert.equal(after.fields.sector, "medical", "uncorrected fields follow extraction");
      const reverted = await s.revert(inc!.id, "affected_count", { who: "sato", clearance: "RED" });
      assert.equal(reverted.fields.affected_count, 9999);
      const trail = (await s.history(inc!.id)).map((e) => e.action);
      assert.deepEqual(trail.filter((a) => a !== "created"), ["edited", "edited", "reextracted", "reverted"]);
      await assert.rejects(s.revert(inc!.id, "affected_count", { who: "sato", clearance: "RED" }), /no correction/);
    }));

  test(`${name}: indicators list the incidents sharing them; statistics count what list counts`, () =>
    withStore(async (s) => {
      const phish = (org: string) => `2025年6月1日\n${org}\n\n不審メール送信に関するお詫び\n\n当社のメールアカウントが不正アクセスを受け、差出人 billing@kakuu-seikyu.net から取引先に不審なメールが送信されました。\n`;
      await s.saveCasefile(await casefileOf(phish("株式会社いろは商会"), "p1.txt"), OWNER);
      await s.saveCasefile(await casefileOf(phish("株式会社ほへと物産"), "p2.txt"), OWNER);
      await s.saveCasefile(await casefileOf(LOSS, "l.txt"), OWNER);
      const shared = await s.indicators({ shared: true });
      assert.deepEqual(shared.map((i) => [i.value, i.incidents.length]), [["billing@kakuu-seikyu.net", 2]]);
      const [p1] = await s.searchIncidents({ q: "いろは商会" });
      const d = (await s.getIncident(p1!.id))!;
      assert.match(d.related.map((r) => r.reason).join(), /shares indicator billing@kakuu-seikyu\.net/);
      // A documentation address is each notice's indicator but never links incidents.
      const doc = (org: string) => `2025年6月2日\n${org}\n\n不正アクセスに関するお知らせ\n\n海外のIPアドレス（203.0.113.9）からの不正なログインを確認しました。\n`;
      await s.saveCasefile(await casefileOf(doc("株式会社ちりぬ工業"), "d1.txt"), OWNER);
      await s.saveCasefile(await casefileOf(doc("株式会社るをわ電機"), "d2.txt"), OWNER);
      assert.equal((await s.indicators()).find((i) => i.value === "203.0.113.9")?.incidents.length, 2);
      assert.ok(!(await s.indicators({ shared: true })).some((i) => i.value === "203.0.113.9"));
      const [d1] = await s.searchIncidents({ q: "ちりぬ工業" });
      assert.ok(!(await s.getIncident(d1!.id))!.related.some((r) => r.reason.includes("203.0.113.9")));
      const inputs = await s.statInputs({ since: "2024-01-01" });
      assert.equal(inputs.length, (await s.listIncidents({ since: "2024-01-01", limit: 1000 })).length);
      assert.equal((await s.statInputs({ type: "loss" })).length, 1);
    }));

  test(`${name}: incidents that share a vendor are related; a regulator both reported to relates none`, () =>
    withStore(async (s) => {
      const leak = (org: string) => `2025年7月1日\n${org}\n\n個人情報漏えいに関するお詫び\n\n当社が業務を委託している株式会社きらら情報サービスのサーバーが不正アクセスを受け、お客様の氏名が漏えいしたおそれがあります。当社は個人情報保護委員会に報告しました。\n`;
      await s.saveCasefile(await casefileOf(leak("株式会社つばめ書店"), "v1.txt"), OWNER);
      await s.saveCasefile(await casefileOf(leak("株式会社かもめ薬局"), "v2.txt"), OWNER);
      const [v1] = await s.searchIncidents({ q: "つばめ書店" });
      const reasons = (await s.getIncident(v1!.id))!.related.map((r) => r.reason).join("; ");
      assert.match(reasons, /きらら情報サービス/);
      assert.doesNotMatch(reasons, /個人情報保護委員会/);
    }));

  test(`${name}: incident links name each incident's organisation, other parties and indicators; stat inputs follow a text query`, () =>
    withStore(async (s) => {
      const breach = (org: string) => `2025年7月3日\n${org}\n\n委託先への不正アクセスに関するお知らせ\n\n当社が業務を委託している株式会社ゆきみ計算センターのサーバーが不正アクセスを受け、差出人 notice@fuyukakuu-mail.net から不審なメールが送信されました。\n`;
      await s.saveCasefile(await casefileOf(breach("株式会社はるか文具"), "b1.txt"), OWNER);
      await s.saveCasefile(await casefileOf(breach("株式会社なつめ園芸"), "b2.txt"), OWNER);
      await s.saveCasefile(await casefileOf(LOSS, "l.txt"), OWNER);
      const all = await s.listIncidents({ limit: -1 });
      const links = await s.incidentLinks(all.map((i) => i.id));
      const byIncident = (org: string) => links.filter((l) => l.incident_id === all.find((i) => i.organization === org)!.id)
        .map((l) => [l.role, l.key, l.name, l.indicator_kind]);
      assert.deepEqual(byIncident("株式会社はるか文具"), [
        ["indicator", "email:notice@fuyukakuu-mail.net", "notice@fuyukakuu-mail.net", "email"],
        ["organization", "はるか文具", "株式会社はるか文具", null],
        ["other", "ゆきみ計算センター", "株式会社ゆきみ計算センター", null],
      ]);
      assert.deepEqual(byIncident("みなと市"), [["organization", "みなと市", "みなと市", null]]);
      assert.deepEqual(links.map((l) => l.incident_id), [...links.map((l) => l.incident_id)].sort(), "ordered by incident");
      assert.deepEqual(await s.incidentLinks([]), []);
      assert.equal((await s.statInputs({ q: "ゆきみ計算" })).length, 2);
      assert.equal((await s.statInputs({ q: "名簿" })).length, 1);
      assert.equal((await s.statInputs({ q: "ゆきみ計算", since: "2026-01-01" })).length, 0);
      assert.equal((await s.statInputs({ q: "  " })).length, 3);
    }));

  test(`${name}: users get hashed tokens; revoked users cannot authenticate; every write is audited`, () =>
    withStore(async (s) => {
      const admin: Writer = { who: "root", clearance: "RED" };
      const { user, token } = await s.addUser("ana", "analyst", null, admin);
      assert.deepEqual([user.role, user.clearance], ["analyst", "AMBER"]);
      assert.match(token, /^jkb_[A-Za-z0-9_-]{43}$/);
      assert.equal((await s.authenticate(token))?.name, "ana");
      assert.equal(await s.authenticate(token + "x"), null);
      const second = await s.newToken("ana", admin);
      assert.equal((await s.authenticate(second))?.name, "ana");
      const lastUse = async () => (await s.listUsers()).find((u) => u.name === "ana")!.last_used_at;
      assert.equal(await lastUse(), null, "never used");
      mock.timers.enable({ apis: ["Date"], now: Date.parse("2026-03-01T09:00:00Z") });
      try {
        await s.recordTokenUse(token);
        assert.equal(await lastUse(), "2026-03-01T09:00:00.000Z");
        mock.timers.tick(TOKEN_USE_RESOLUTION_MS - 1);
        await s.recordTokenUse(token);
        assert.equal(await lastUse(), "2026-03-01T09:00:00.000Z", "a use within the resolution writes nothing");
        mock.timers.tick(2);
        await s.recordTokenUse(token);
        assert.equal(await lastUse(), "2026-03-01T09:01:00.001Z", "a later use is noted");
      } finally {
        mock.timers.reset();
      }
      await assert.rejects(s.addUser("ana", "viewer", null, admin), /exists/);
      const { user: v } = await s.addUser("vic", "viewer", "CLEAR", admin);
      assert.equal(v.clearance, "CLEAR");
      await s.revokeUser("ana", admin);
      assert.equal(await s.authenticate(token), null);
      assert.equal(await s.authenticate(second), null);
      assert.deepEqual((await s.listUsers()).map((u) => [u.name, u.revoked_at !== null]), [["ana", true], ["vic", false]]);
      await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      const [inc] = await s.listIncidents();
      await s.edit(inc!.id, [{ field: "sector", value: "medical" }], { who: "vic", why: "test", clearance: "RED" });
      const log = await s.auditLog();
      assert.deepEqual(log.map((a) => a.action), ["incident.edit", "user.revoke", "user.add", "token.add", "user.add"]);
      assert.deepEqual(log[0]!.after, { sector: "medical", why: "test" });
      assert.equal((await s.auditLog({ target: "user:ana" })).length, 3);
    }));

  test(`${name}: watchlists record one hit per incident version and queue signed deliveries`, () =>
    withStore(async (s) => {
      const who = { who: "ana" };
      const org = await s.addWatchlist({ name: "test co", kind: "organization", pattern: "テスト商会", webhook_url: "https://hooks.invalid/x", secret: "s3cret" }, who);
      await s.addWatchlist({ name: "nothing", kind: "keyword", pattern: "存在しない語", webhook_url: null, secret: null }, who);
      const r = await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      const hits = await s.matchWatchlists(r.incidentIds);
      assert.deepEqual(hits.map((h) => [h.watchlist_id, h.reason]), [[org.id, "organisation 株式会社テスト商会"]]);
      assert.deepEqual(await s.matchWatchlists(r.incidentIds), [], "the same version does not hit twice");
      assert.equal(await s.watchlistSecret(org.id), "s3cret");
      const due = await s.dueDeliveries(new Date(Date.now() + 1000).toISOString());
      assert.deepEqual(due.map((d) => [d.id, d.webhook_url]), [[hits[0]!.id, "https://hooks.invalid/x"]]);
      await s.recordDelivery(hits[0]!.id, false, "HTTP 500", new Date(Date.now() + 60_000).toISOString());
      assert.equal((await s.dueDeliveries(new Date().toISOString())).length, 0, "retried later, not now");
      await s.recordDelivery(hits[0]!.id, true, null, null);
      const [h] = await s.hits(org.id);
      assert.deepEqual([h!.attempts, h!.delivered_at !== null, h!.last_error], [2, true, null]);
      await s.removeWatchlist(org.id, who);
      assert.equal((await s.listWatchlists()).length, 1);
    }));

  test(`${name}: polled sources keep their validators and schedule`, () =>
    withStore(async (s) => {
      const f = await s.addFeed("https://news.invalid/rss", 3600, false, { who: "ana" });
      assert.equal((await s.dueFeeds(new Date(Date.now() + 1000).toISOString())).length, 1);
      const next = new Date(Date.now() + 3_600_000).toISOString();
      await s.recordPoll(f.id, { status: "200", etag: '"abc"', last_modified: null, next_fetch_at: next });
      const [after] = await s.listFeeds();
      assert.deepEqual([after!.etag, after!.last_status, after!.next_fetch_at], ['"abc"', "200", next]);
      assert.equal((await s.dueFeeds(new Date().toISOString())).length, 0);
      await s.removeFeed(f.id, { who: "ana" });
      assert.equal((await s.listFeeds()).length, 0);
    }));

  test(`${name}: a reader's clearance hides stricter incidents everywhere; facets count every match`, () =>
    withStore(async (s) => {
      for (const [t, src] of [[RANSOM, "a.txt"], [LOSS, "b.txt"], [LISTING, "c.txt"]] as const) await s.saveCasefile(await casefileOf(t, src), OWNER);
      const [loss] = await s.listIncidents({ type: "loss" });
      await s.edit(loss!.id, [{ field: "tlp", value: "RED" }], { who: "ana", clearance: "RED" });
      const clear = ["CLEAR", "GREEN"];
      assert.equal((await s.listIncidents({ tlp: clear })).length, 2);
      assert.equal((await s.searchIncidents({ q: "紛失", tlp: clear })).length, 0);
      assert.equal((await s.searchIncidents({ q: "紛失", tlp: [...clear, "AMBER", "AMBER+STRICT", "RED"] })).length, 1);
      assert.equal((await s.statInputs({ tlp: clear })).length, 2);
      assert.equal((await s.listIncidents({ limit: -1 })).length, 3);
      const f = await s.facets({ q: "氏名", limit: 1 });
      assert.equal(f.total, 2);
      assert.deepEqual(f.tlp, [{ key: "CLEAR", count: 1 }, { key: "RED", count: 1 }]);
      assert.ok(f.type.some((x) => x.key === "ransomware" && x.count === 1));
      assert.deepEqual(f.year.map((x) => x.key).sort(), ["2024", "2025"]);
      assert.equal((await s.facets({ q: "氏名", tlp: clear })).total, 1);
    }));

  const ALL_LEVELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];

  test(`${name}: a search finds exactly the incidents whose words hold every word of the query, whatever its length and characters`, () =>
    withStore(async (s) => {
      for (const [t, src] of [[RANSOM, "a.txt"], [LOSS, "b.txt"], [LISTING, "c.txt"], [OTHER_ORG, "d.txt"], [ODD, "e.txt"]] as const) await s.saveCasefile(await casefileOf(t, src), OWNER);
      const all = await s.listIncidents({ limit: -1 });
      for (const q of ODD_QUERIES) {
        const found = (await s.searchIncidents({ q, limit: -1 })).map((i) => i.id).sort();
        const expected: string[] = [];
        for (const i of all) if (await holdsEvery(s, i.id, q)) expected.push(i.id);
        assert.deepEqual(found, expected.sort(), `q=${JSON.stringify(q)}`);
        assert.equal((await s.facets({ q })).total, expected.length, `facets q=${JSON.stringify(q)}`);
        assert.equal((await s.statInputs({ q })).length, expected.length, `stats q=${JSON.stringify(q)}`);
      }
    }));
  /** Queries whose facets must agree with search: long, two- and one-character words, filters, clearances. */
  const FACET_QUERIES: SearchQuery[] = [
    { q: "" }, { q: "氏名" }, { q: "紛失" }, { q: "ランサムウェア" }, { q: "不正" }, { q: "簿" }, { q: "存在しない語句" },
    { q: "氏名", tlp: ["CLEAR", "GREEN"] }, { q: "", tlp: ["CLEAR"] }, { q: "", type: "ransomware", tlp: ALL_LEVELS },
    { q: "氏名", since: "2025-01-01", tlp: ALL_LEVELS }, { q: "", until: "2024-12-31", tlp: ["CLEAR", "GREEN"] },
    { q: "住所", sector: "medical" }, { q: "漏えい 氏名", type: "ransomware", until: "2025-12-31", tlp: ["CLEAR", "GREEN", "AMBER"] },
    { q: "報告 ランサムウェア" }, { q: "氏名 紛失した 名簿" }, { q: "ファイル 簿" },
    { q: "", cause: "紛失・誤廃棄", tlp: ALL_LEVELS }, { q: "氏名", cause: "ウイルス感染・不正アクセス" }, { q: "不正", cause: "誤表示・誤送信" },
    { q: "", basics: "clean_up_what_you_use", tlp: ALL_LEVELS }, { q: "氏名 住所", basics: "manage_what_you_run", sort: "oldest" },
    { q: "", sort: "affected", tlp: ALL_LEVELS }, { q: "氏名", sort: "oldest", limit: 1, offset: 1 }, { q: "簿", sort: "affected", cause: "紛失・誤廃棄" },
  ];

  /** Facets counted the slow way: every match searched, then each incident read; values keyed for comparison. */
  async function expectedFacets(s: Store, query: SearchQuery): Promise<Record<string, unknown>> {
    const out: Record<string, Record<string, number>> = { type: {}, sector: {}, year: {}, tlp: {}, cause: {}, basics: {} };
    const add = (facet: string, key: string) => { out[facet]![key] = (out[facet]![key] ?? 0) + 1; };
    const all = await s.searchIncidents({ ...query, limit: -1, offset: 0 });
    for (const i of all) {
      const d = (await s.getIncident(i.id))!;
      for (const t of d.incident_types) add("type", t);
      add("sector", d.sector ?? "unknown");
      add("year", (d.disclosed_on ?? d.discovered_on ?? d.created_at).slice(0, 4));
      add("tlp", d.tlp);
      for (const t of d.tags) if (t.taxonomy === "tsr_cause") add("cause", t.value); else if (t.taxonomy === "basics") add("basics", t.value);
    }
    return { total: all.length, ...out };
  }

  /** A store's facets keyed like expectedFacets, after checking each list runs most frequent first. */
  function keyed(f: Facets): Record<string, unknown> {
    const { total, ...lists } = f;
    for (const [name, list] of Object.entries(lists)) {
      assert.ok(list.every((x, i) => i === 0 || list[i - 1]!.count >= x.count), `${name} most frequent first`);
    }
    return { total, ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, Object.fromEntries(v.map((x) => [x.key, x.count]))])) };
  }

  /** Each incident's date as the store sorts by it: disclosed, else discovered, else the day it was created. */
  const dateOf = async (s: Store, id: string) => {
    const d = (await s.getIncident(id))!;
    return d.disclosed_on ?? d.discovered_on ?? d.created_at.slice(0, 10);
  };

  /**
   * Every cause and basics value the facets count finds, as a filter, exactly that many incidents, each
   * carrying it; every sort orders the same matches as it says, pages through them without overlap, and
   * leaves the facets as they are.
   */
  const filtersAgree = async (s: Store, step: string) => {
    for (const query of [{ q: "", tlp: ALL_LEVELS }, { q: "氏名", tlp: ALL_LEVELS }, { q: "不正" }]) {
      const f = await s.facets(query);
      for (const [taxonomy, facet] of [["tsr_cause", "cause"], ["basics", "basics"]] as const) {
        for (const { key, count } of f[facet]) {
          const found = await s.searchIncidents({ ...query, [facet]: key, limit: -1 });
          assert.equal(found.length, count, `${step}: ${facet}=${key} in ${JSON.stringify(query)}`);
          for (const i of found) assert.ok((await s.getIncident(i.id))!.tags.some((t) => t.taxonomy === taxonomy && t.value === key), `${step}: ${i.id} has ${facet} ${key}`);
        }
      }
      const ids = (await s.searchIncidents({ ...query, limit: -1 })).map((i) => i.id);
      for (const sort of SORTS) {
        const all = await s.searchIncidents({ ...query, sort, limit: -1 });
        assert.deepEqual(all.map((i) => i.id).sort(), [...ids].sort(), `${step}: ${sort} finds the same incidents`);
        assert.deepEqual(await s.facets({ ...query, sort }), f, `${step}: ${sort} leaves the facets`);
        const paged = [];
        for (let offset = 0; offset < all.length; offset += 2) paged.push(...await s.searchIncidents({ ...query, sort, limit: 2, offset }));
        assert.deepEqual(paged.map((i) => i.id), all.map((i) => i.id), `${step}: ${sort} pages in a stable order`);
        const dates = await Promise.all(all.map((i) => dateOf(s, i.id)));
        for (let k = 1; k < all.length; k++) {
          const [a, b] = [all[k - 1]!, all[k]!];
          if (sort === "newest") assert.ok(dates[k - 1]! >= dates[k]!, `${step}: newest first`);
          if (sort === "oldest") assert.ok(dates[k - 1]! <= dates[k]!, `${step}: oldest first`);
          if (sort === "affected") assert.ok(b.affected_count === null || (a.affected_count ?? -1) >= b.affected_count, `${step}: most affected first, unknown last`);
        }
      }
    }
  };

  const facetsAgree = async (s: Store, step: string) => {
    for (const q of FACET_QUERIES) assert.deepEqual(keyed(await s.facets(q)), await expectedFacets(s, q), `${step}: ${JSON.stringify(q)}`);
    await filtersAgree(s, step);
  };

  test(`${name}: facets count exactly what search returns, with clearance and filters, after every kind of write`, () =>
    withStore(async (s) => {
      for (const [t, src] of [[RANSOM, "a.txt"], [LOSS, "b.txt"], [LISTING, "c.txt"], [OTHER_ORG, "d.txt"]] as const) await s.saveCasefile(await casefileOf(t, src), OWNER);
      await facetsAgree(s, "saved");
      assert.ok((await s.facets({ q: "" })).cause.length > 0, "the fixtures carry a cause");
      await s.saveCasefile(await casefileOf(FOLLOW_UP, "e.txt", "2025-05-20T00:00:00.000Z"), OWNER);
      await facetsAgree(s, "source added");
      const [loss] = await s.listIncidents({ type: "loss" });
      const [ransom] = await s.searchIncidents({ q: "テスト商会" });
      const [other] = await s.searchIncidents({ q: "ひかり商事" });
      await s.edit(loss!.id, [{ field: "tlp", value: "RED" }, { field: "sector", value: "medical" }], { who: "ana", clearance: "RED" });
      await s.edit(ransom!.id, [{ field: "incident_types", value: ["ransomware", "unauthorized_access"] }, { field: "tlp", value: "AMBER" }], { who: "ana", clearance: "RED" });
      await facetsAgree(s, "edited");
      await s.merge(ransom!.id, [other!.id], { who: "ana", clearance: "RED" });
      await facetsAgree(s, "merged");
      assert.equal((await s.unmerge(ransom!.id, { who: "ana", clearance: "RED" })).length, 2);
      await facetsAgree(s, "unmerged");
      const changed = await casefileOf(LOSS, "b.txt");
      const tags = changed.notices[0]!.incident!.tags;
      changed.notices[0]!.incident!.tags = [...tags.filter((t) => t.taxonomy !== "tsr_cause"), { taxonomy: "tsr_cause", value: "紛失・誤廃棄", label: { ja: "紛失・誤廃棄", en: "loss" }, reason: "test", confidence: 1 }];
      changed.notices[0]!.incident!.fields.disclosed_on = "2023-03-03";
      await s.replaceAnalysis([reanalysis(changed)]);
      await facetsAgree(s, "re-extracted");
      assert.ok((await s.facets({ q: "", tlp: ALL_LEVELS })).year.some((y) => y.key === "2023"));
      await s.revert(loss!.id, "tlp", { who: "ana", clearance: "RED" });
      await facetsAgree(s, "reverted");
    }));

  test(`${name}: markings name the TLP of incidents and aliases, and of documents through the documents carved out of them`, () =>
    withStore(async (s) => {
      const feed = makeDocument(Buffer.from("<rss><channel><title>feed</title></channel></rss>"), { source: "https://x.invalid/feed", declaredType: "application/rss+xml" });
      await s.saveContainer({ doc: feed, messages: [] });
      const [item] = await openDocument(makeDocument(Buffer.from(LOSS), { source: "https://x.invalid/1", fetchedAt: "2025-01-01T00:00:00.000Z", parent: feed.sha256 }));
      await s.saveCasefile(analyse(item!), OWNER);
      await s.saveCasefile(await casefileOf(RANSOM, "a.txt"), OWNER);
      await s.saveCasefile(await casefileOf(OTHER_ORG, "b.txt"), OWNER);
      const [loss] = await s.listIncidents({ type: "loss" });
      const [ransom] = await s.searchIncidents({ q: "テスト商会" });
      const [other] = await s.searchIncidents({ q: "ひかり商事" });
      assert.deepEqual(await s.documentMarkings(feed.sha256), ["CLEAR"]);
      await s.edit(loss!.id, [{ field: "tlp", value: "RED" }], { who: "ana", clearance: "RED" });
      assert.deepEqual(await s.documentMarkings(feed.sha256), ["RED"], "a container shows the marking of what was carved out of it");
      assert.deepEqual(await s.documentMarkings(item!.doc.sha256), ["RED"]);
      assert.deepEqual(await s.documentMarkings("0".repeat(64)), []);
      await s.edit(ransom!.id, [{ field: "tlp", value: "AMBER" }], { who: "ana", clearance: "RED" });
      await s.merge(ransom!.id, [other!.id], { who: "ana", clearance: "RED" });
      const m = await s.incidentMarkings([loss!.id, other!.id, "inc_0000000000000000", loss!.id]);
      assert.deepEqual([...m].sort(), [[loss!.id, "RED"], [other!.id, "AMBER"]].sort(), "an alias has the marking of the incident it joined; an unknown id none");
      assert.equal((await s.incidentMarkings([])).size, 0);
    }));
}

/** Two handles on one casebook (a server and a CLI connection or another process), and how to close them. */
export interface SharedCasebook {
  server: Store;
  other: Store;
  /** Change every incident's marking without the store (no version bump), where a backend keeps a version to test. */
  behindTheBack?: (tlp: string) => Promise<void>;
  close(): Promise<void>;
}

const CLEAR = ["CLEAR"];
const LEAK = (org: string, n: number) =>
  `2025年6月${n}日\n株式会社${org}\n\n不正アクセスに関するお知らせ\n\n当社サーバーへの不正アクセスにより、顧客${n}00名の氏名が流出した可能性があります。\n`;

/** Facet counts are remembered only while the casebook is unchanged, whichever handle writes to it. */
export function facetCacheContract(name: string, open: () => Promise<SharedCasebook>): void {
  test(`${name}: facet counts are remembered only while the casebook is unchanged, whoever writes to it`, async () => {
    const { server, other, behindTheBack, close } = await open();
    try {
      const { token } = await server.addUser("vic", "viewer", "CLEAR", { who: "root", clearance: "RED" });
      await server.saveCasefile(await casefileOf(LEAK("あおば製作所", 3), "a.txt"), OWNER);
      const first = await server.facets({ q: "不正アクセス", tlp: CLEAR });
      assert.equal(first.total, 1);
      first.total = 99;
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "a caller's copy is its own");

      if (behindTheBack) {
        // A change behind the store's back (no version bump) is not seen: the counts come from the cache.
        await behindTheBack("RED");
        assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "kept while the version stands");
        // Recording a token's use writes, in either handle, but changes no incident: the counts stay remembered.
        for (const s of [server, other]) assert.equal((await s.authenticate(token))?.name, "vic");
        assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "kept after a token's use");
        await behindTheBack("CLEAR");
      }

      await other.saveCasefile(await casefileOf(LEAK("みどり物産", 4), "b.txt"), OWNER);
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 2, "another handle's write is seen");

      await server.saveCasefile(await casefileOf(LEAK("しらかば工業", 5), "c.txt"), OWNER);
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 3, "this handle's own write is seen");
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR, limit: 5, offset: 10, sort: "oldest" })).total, 3, "paging and order do not matter");
      assert.equal((await server.facets({ q: "不正アクセス", tlp: [] })).total, 0, "clearance is part of the question");
    } finally {
      await close();
    }
  });
}

/** A store, and each incident's facet combination as written and as the migration's SQL computes it from the row (JSON text). */
export interface ComboCheck {
  store: Store;
  combos: () => Promise<{ written: string | null; computed: string }[]>;
  close: () => Promise<void>;
}

/** The facet combination the writer computes (facetKey) is the one the migration's SQL computes from the row. */
export function facetComboContract(name: string, open: () => Promise<ComboCheck>): void {
  test(`${name}: the facet combination the writer computes is the one the migration's SQL computes from the row`, async () => {
    const { store, combos, close } = await open();
    try {
      for (let i = 0; i < 40; i++) await store.saveCasefile(await casefileOf(synthetic(i).text, `s/${i}.txt`), OWNER);
      const [first] = await store.listIncidents();
      await store.edit(first!.id, [{ field: "incident_types", value: ["ransomware", "loss", "ransomware"] }, { field: "sector", value: null }], { who: "ana", clearance: "RED" });
      const rows = await combos();
      assert.equal(rows.length, await store.countIncidents());
      assert.ok(rows.some((r) => (JSON.parse(r.computed) as unknown[][])[4]!.length > 0), "some incidents carry a cause");
      assert.ok(rows.some((r) => (JSON.parse(r.computed) as unknown[][])[3]!.length > 1), "some incidents have several types");
      assert.deepEqual(rows.map((r) => (r.written === null ? null : JSON.parse(r.written))), rows.map((r) => JSON.parse(r.computed)));
    } finally {
      await close();
    }
  });
}

/**
 * Pages of a search are slices of its whole answer (limit -1), whichever way a backend finds them: words
 * that go together or are rare, a date bound on the side the order walks from (read off the head of the
 * date order) or on the other, a type filter.
 */
export function pagedSearchContract(name: string, fresh: () => Promise<Store>): void {
  test(`${name}: pages of a search are slices of its whole answer, for words that go together or are rare, bounded by dates or not`, async () => {
    const store = await fresh();
    try {
      const letters = (i: number) => [...String(i)].map((d) => "アイウエオカキクケコ"[Number(d)]).join("");
      // 160 incidents over seven years: 氏名 and 流出 go together in four of five; USB and 紛失 in two only, far apart.
      for (let i = 0; i < 160; i++) {
        const date = `${2019 + (i % 7)}年${1 + (i % 12)}月${1 + (i % 28)}日`;
        const text = i % 5 === 0
          ? `${date}\n株式会社${letters(i)}テック\n\n書類の紛失について\n\n${date}、顧客の名簿${i === 5 || i === 150 ? "を保存したUSBメモリ" : ""}を紛失したことが判明しました。\n`
          : `${date}\n株式会社${letters(i)}テック\n\nランサムウェア被害に関するお知らせ\n\n${date}、当社のサーバーがランサムウェアに感染しました。顧客の氏名が流出した可能性があります。\n`;
        await store.saveCasefile(await casefileOf(text, `r${i}.txt`), OWNER);
      }
      const queries: SearchQuery[] = [{ q: "氏名 流出" }, { q: "氏名 流出", sort: "oldest" }, { q: "流出 顧客", until: "2023-06-30" }, { q: "氏名 流出", type: "ransomware" },
        { q: "usb 紛失" }, { q: "usb 紛失", sort: "oldest" }, { q: "名簿 紛失", since: "2021-01-01" }, { q: "漏えい 氏名" },
        { q: "ランサムウェア", until: "2022-03-31" }, { q: "紛失", sort: "oldest", since: "2024-05-01" }, { q: "氏名", until: "2020-12-31", type: "ransomware" },
        { q: "usb", until: "2024-12-31" }, { q: "名簿", since: "2020-01-01", until: "2023-12-31" }, { q: "存在しない語", until: "2022-01-01" }];
      for (const q of queries) {
        const whole = (await store.searchIncidents({ ...q, limit: -1 })).map((i) => i.id);
        assert.ok(whole.length > 0 || /漏えい|存在しない/.test(q.q), JSON.stringify(q));
        for (const [limit, offset] of [[10, 0], [10, 35], [50, 60], [1, 0], [1, 1], [5, Math.max(0, whole.length - 2)]] as const) {
          assert.deepEqual((await store.searchIncidents({ ...q, limit, offset })).map((i) => i.id), whole.slice(offset, offset + limit), `${JSON.stringify(q)} ${limit}@${offset}`);
        }
      }
    } finally {
      await store.close();
    }
  });
}
