// Reports over the bundled examples and the shared seeds: quotes are slices of the archived notices,
// totals are what `stats` counts, TLP holds on every line, follow-ups stay under their incident, hostile
// text stays text, and the PDF prints in Chromium with a first page that is not blank.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { tally } from "../src/intel/stats.js";
import { annualReport, lessonsReport, monthlyReport } from "../src/report/load.js";
import { htmlToPdf } from "../src/report/pdf.js";
import { reportHtml } from "../src/report/render/html.js";
import { reportMarkdown } from "../src/report/render/md.js";
import type { MonthlyReport, Quote } from "../src/report/types.js";
import type { Store } from "../src/store/types.js";
import { CHROMIUM, skipWithoutChromium } from "./e2e/harness.js";
import { ROOT, tempDir } from "./helpers.js";
import { jikenbo, notice } from "./hostile-kit.js";
import { addUsers, appFor, bearer, emptyStore, EXAMPLES, OWNER, seed, type Tokens } from "./http-kit.js";

const SEEDS = join(ROOT, "../shared/corpus/seeds");
const FOLLOW_ORG = "株式会社つづき物産";

let store: Store;
let tokens: Tokens;
let months: string[];
let years: string[];

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  const dir = tempDir("jikenbo-report-");
  writeFileSync(join(dir, "first.txt"), `${FOLLOW_ORG}\n${notice(FOLLOW_ORG, "不正アクセスによる個人情報流出", 1200)}`);
  writeFileSync(join(dir, "second.txt"), `${FOLLOW_ORG}\n${notice(FOLLOW_ORG, "不正アクセスによる個人情報流出", 1350, 2)}`);
  await seed(store, [EXAMPLES, ...(existsSync(SEEDS) ? [SEEDS] : [])]);
  await seed(store, [join(dir, "first.txt")]);
  await seed(store, [join(dir, "second.txt")]);
  const inputs = await store.statInputs();
  months = tally(inputs, "month").rows.map((r) => r.key).filter((k) => k !== "unknown");
  years = tally(inputs, "year").rows.map((r) => r.key).filter((k) => k !== "unknown");
});

after(() => store.close());

/** Every quote of a monthly digest. */
function quotesOf(r: MonthlyReport): Quote[] {
  return r.groups.flatMap((g) => g.entries.flatMap((e) => Object.values(e.blocks).flat()));
}

test("every quoted sentence is a slice of its archived notice's text", async () => {
  const texts = new Map<string, string>();
  const check = async (q: Quote) => {
    if (!texts.has(q.document)) texts.set(q.document, (await store.getDocument(q.document))?.text ?? "");
    assert.equal(texts.get(q.document)!.slice(q.start, q.end), q.text);
    assert.ok(q.text.trim().length > 0);
  };
  let n = 0;
  for (const m of months) for (const q of quotesOf(await monthlyReport(store, m, { lang: "ja" }))) { await check(q); n++; }
  for (const y of years) for (const c of (await lessonsReport(store, y, { lang: "en" })).categories) for (const i of c.items) for (const q of i.quotes) { await check(q); n++; }
  assert.ok(n > 30, `${n} quotes checked`);
});

test("totals equal `jikenbo stats`: per month, per year and per cause", async () => {
  const db = store.location;
  const stats = async (...args: string[]) => JSON.parse((await jikenbo("stats", "--db", db, "--json", ...args)).stdout) as ReturnType<typeof tally>;
  const byMonth = await stats("--by", "month");
  for (const m of months) {
    const r = await monthlyReport(store, m, { lang: "ja" });
    const row = byMonth.rows.find((x) => x.key === m)!;
    assert.deepEqual([r.total, r.people, r.unknown_count], [row.incidents, row.people, row.unknown_count], m);
    assert.equal(r.groups.reduce((n, g) => n + g.entries.length, 0), r.total, `${m}: every incident listed once`);
  }
  const byYear = await stats("--by", "year");
  for (const y of years) {
    const r = await annualReport(store, y, { lang: "ja" });
    const row = byYear.rows.find((x) => x.key === y)!;
    assert.deepEqual([r.total, r.people, r.unknown_count], [row.incidents, row.people, row.unknown_count], y);
    assert.deepEqual(r.cause, (await stats("--by", "cause", "--since", `${y}-01-01`, "--until", `${y}-12-31`)).rows, `${y} by cause`);
    assert.equal(r.month.reduce((n, x) => n + x.incidents, 0), r.total);
    assert.ok(r.largest.length <= 10 && r.largest.every((i, k) => k === 0 || (r.largest[k - 1]!.affected_count ?? 0) >= (i.affected_count ?? 0)));
    assert.equal(r.previous?.year ?? null, years.includes(String(Number(y) - 1)) ? String(Number(y) - 1) : null);
  }
});

test("a follow-up (続報) appears under its incident, not twice", async () => {
  const r = await monthlyReport(store, "2025-05", { lang: "ja" });
  const entries = r.groups.flatMap((g) => g.entries).filter((e) => e.organization === FOLLOW_ORG);
  assert.equal(entries.length, 1);
  assert.deepEqual(entries[0]!.sources.map((s) => s.followup), [false, true]);
  assert.ok(reportHtml(r, { base: "" }).includes("続報"));
});

test("TLP: an AMBER incident is absent from an anonymous report and its totals; a reader cleared for AMBER sees it", async () => {
  const m = months.find((x) => x === "2024-06") ?? months[0]!;
  const target = (await monthlyReport(store, m, { lang: "ja" })).groups[0]!.entries[0]!;
  await store.edit(target.id, [{ field: "tlp", value: "AMBER" }], OWNER);
  try {
    const app = appFor(store);
    const get = async (path: string, token?: string) => {
      const res = await app.request(path, token ? { headers: bearer(token) } : {});
      assert.equal(res.status, 200, path);
      return res.text();
    };
    const year = m.slice(0, 4);
    for (const path of [`/api/v1/reports/monthly/${m}`, `/api/v1/reports/annual/${year}`, `/api/v1/reports/lessons/${year}`, "/feeds/reports/monthly.atom"]) {
      assert.ok(!(await get(path)).includes(target.id), `anonymous ${path}`);
    }
    const anon = JSON.parse(await get(`/api/v1/reports/monthly/${m}`)) as MonthlyReport;
    const ana = JSON.parse(await get(`/api/v1/reports/monthly/${m}`, tokens.ana)) as MonthlyReport;
    assert.equal(anon.total, ana.total - 1);
    assert.ok(JSON.stringify(ana).includes(target.id));
    const anonYear = JSON.parse(await get(`/api/v1/reports/annual/${year}`)) as { total: number };
    const stats = JSON.parse(await get(`/api/v1/stats?by=year&since=${year}-01-01&until=${year}-12-31`)) as { total: number };
    assert.equal(anonYear.total, stats.total, "the anonymous annual total is the anonymous stats total");
    const cli = await jikenbo("report", "monthly", "--db", store.location, "--month", m, "--format", "json", "--clearance", "CLEAR");
    assert.equal(cli.code, 0, cli.stderr);
    assert.ok(!cli.stdout.includes(target.id));
  } finally {
    await store.edit(target.id, [{ field: "tlp", value: "CLEAR" }], OWNER);
  }
});

test("hostile text is escaped in HTML and inert in Markdown", () => {
  const evil = `</h3><script>alert(1)</script><img src=x onerror=alert(2)>"'&`;
  const quote: Quote = { document: "d".repeat(64), start: 0, end: evil.length, text: evil, clipped_before: false, clipped_after: true };
  const r: MonthlyReport = {
    kind: "monthly", month: "2024-01", lang: "ja", total: 1, people: 0, unknown_count: 1, groups: [{
      key: "その他", label: evil, entries: [{
        id: "inc_0000000000000000", title: evil, organization: evil, date: null, affected_count: null, disclosed_on: null, discovered_on: null, affected_count_text: evil, tlp: "CLEAR",
        types: [{ key: "other", label: evil }], data_types: [], tags: [{ key: evil, label: evil }],
        sources: [{ document: "d".repeat(64), title: evil, date: null, source: `javascript:${evil}`, followup: false }],
        blocks: { situation: [quote], cause: [], response: [], leaked: [], measures: [] },
      }],
    }],
  };
  const html = reportHtml(r, { base: "" });
  assert.ok(!/<script|<img|javascript:/i.test(html), "no markup from the text, no link to a non-web source");
  assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  const md = reportMarkdown(r, { base: "" });
  assert.ok(!md.includes("<script") && !md.includes("<img"));
  assert.ok(md.includes("【原因】\n\n記載なし") || md.includes("**【原因】**\n\n記載なし"));
});

test("the CLI writes Markdown to a file, and HTML with a message when Chromium is missing", async () => {
  const dir = tempDir("jikenbo-report-cli-");
  const md = await jikenbo("report", "monthly", "--db", store.location, "--month", "2025-05", "--format", "md", "--lang", "en", "--out", join(dir, "m.md"));
  assert.equal(md.code, 0, md.stderr);
  assert.match(readFileSync(join(dir, "m.md"), "utf8"), /^# Monthly digest 2025-05\n/);
  const saved = process.env.JIKENBO_CHROMIUM;
  process.env.JIKENBO_CHROMIUM = join(dir, "no-chromium");
  try {
    const pdf = await jikenbo("report", "annual", "--db", store.location, "--year", "2025", "--format", "pdf", "--out", join(dir, "a.pdf"));
    assert.equal(pdf.code, 0, pdf.stderr);
    assert.match(pdf.stderr, /no Chromium.*writing HTML instead to .*a\.html/);
    assert.match(readFileSync(join(dir, "a.html"), "utf8"), /^<!doctype html>/);
  } finally {
    if (saved === undefined) delete process.env.JIKENBO_CHROMIUM;
    else process.env.JIKENBO_CHROMIUM = saved;
  }
  assert.equal((await jikenbo("report", "monthly", "--db", store.location, "--month", "2025-13")).code, 2);
  assert.equal((await jikenbo("report", "annual", "--db", store.location, "--year", "2025", "--clearance", "PURPLE")).code, 2);
});

test("the annual report prints to an A4 PDF in Chromium whose first page is not blank", { skip: skipWithoutChromium() }, async () => {
  const year = years.at(-1)!;
  const pdf = await htmlToPdf(reportHtml(await annualReport(store, year, { lang: "ja" }), { base: "http://127.0.0.1:8080" }), CHROMIUM);
  assert.ok(pdf);
  assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), "%PDF-");
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  assert.ok(doc.numPages >= 2);
  const page = await doc.getPage(1);
  const [, , w, h] = page.view as [number, number, number, number];
  assert.ok(Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2, `A4 (${w}×${h} pt)`);
  const viewport = page.getViewport({ scale: 1 });
  // pdf.js draws on @napi-rs/canvas in Node; its factory is not in the published types.
  const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: CanvasRenderingContext2D } };
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
  const png = canvas.toBuffer("image/png");
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
  const pixels = context.getImageData(0, 0, viewport.width, viewport.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink++;
  assert.ok(ink > 2000, `${ink} dark pixels on the first page`);
  const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  assert.ok(text.includes(`${year}年 年次報告`), "Japanese text is embedded with its font");
});
