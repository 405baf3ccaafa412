// The web UI in a real browser: home, search, an incident with its evidence, a correction, the
// language switch, hostile notice text, the CSP and a phone-width layout. Screenshots go to
// test-artifacts/screenshots/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { HOSTILE_ORG, skipWithoutChromium, startUi, type UiHarness } from "./harness.js";

const skip = skipWithoutChromium();
let ui: UiHarness;
const dialogs: string[] = [];

before(async () => {
  if (skip) return;
  ui = await startUi();
  ui.page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
});
after(async () => { await ui?.close(); });

/** The incident detail as the API gives it to the analyst. */
async function detail(id: string): Promise<{ notices: { findings: { field: string; text: string; confidence: number }[] }[]; fields: Record<string, unknown> }> {
  const res = await fetch(`${ui.base}/api/v1/incidents/${id}`, { headers: { authorization: `Bearer ${ui.analystToken}` } });
  assert.equal(res.status, 200);
  return res.json() as never;
}

/** The id in the page's /incidents/ URL. */
function idOf(page: Page): string {
  const m = /\/incidents\/(inc_[0-9a-f]{16})$/.exec(new URL(page.url()).pathname);
  assert.ok(m, `not an incident URL: ${page.url()}`);
  return m[1]!;
}

test("home shows the latest incidents and headline figures, in Japanese, under a strict CSP", { skip }, async () => {
  const res = await ui.page.goto(`${ui.base}/`);
  const csp = res?.headers()["content-security-policy"] ?? "";
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  await ui.page.locator(".incident-card").first().waitFor();
  assert.equal(await ui.page.getAttribute("html", "lang"), "ja");
  assert.equal(await ui.page.locator("h1").textContent(), "最近の事案");
  assert.ok(await ui.page.locator(".incident-card").count() >= 10);
  await ui.page.getByText("医療法人社団青葉会").first().waitFor();
  assert.equal(await ui.page.locator(".figure").count(), 3);
  await ui.page.locator(".figure dd.big").first().waitFor();
  const html = await readFile(new URL("../../dist/web/index.html", import.meta.url), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "the built index.html has no inline script");
  await ui.screenshot("home");
});

test("search 不正アクセス: results with the match highlighted, facets with counts, state in the URL", { skip }, async () => {
  const page = ui.page;
  await page.getByRole("link", { name: "検索", exact: true }).click();
  await page.getByLabel("キーワード").fill("不正アクセス");
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await page.waitForURL(/\/search\?q=/);
  assert.equal(new URL(page.url()).searchParams.get("q"), "不正アクセス");
  await page.locator(".incident-card").first().waitFor();
  const total = Number((await page.locator(".total").textContent())!.replace(/\D/g, ""));
  assert.ok(total >= 3, `found ${total}`);
  assert.equal(await page.locator(".incident-card").count(), total);
  const marks = await page.locator("mark.match").allTextContents();
  for (const card of await page.locator(".incident-card").all()) assert.ok(await card.locator("mark.match").count() >= 1, "every result shows the words it matched");
  assert.ok(marks.every((m) => m === "不正アクセス"));
  const typeFacet = page.locator(".facet", { has: page.locator("h3", { hasText: "種類" }) });
  assert.match((await typeFacet.textContent())!, /不正アクセス\s*\d+/);
  await ui.screenshot("search");
  // A facet narrows the search and is kept in the URL, so the search can be shared.
  await typeFacet.getByRole("link", { name: /アカウント乗っ取り/ }).click();
  await page.waitForURL(/type=account_takeover/);
  await page.locator(".chips").waitFor();
  // The new count arrives with the narrowed results, a moment after the URL and the chips (slower on a loaded machine).
  await page.waitForFunction((before) => Number(document.querySelector(".total")?.textContent?.replace(/\D/g, "")) !== before, total, { timeout: 10_000 }).catch(() => {});
  const narrowed = Number((await page.locator(".total").textContent())!.replace(/\D/g, ""));
  assert.ok(narrowed >= 1 && narrowed < total, `${narrowed} of ${total}`);
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has("type"));
  await page.locator(".chips").waitFor({ state: "detached" });
});

test("search: a cause facet filters and a sort orders the results, both kept in the URL", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/search`);
  await page.locator(".incident-card").first().waitFor();
  const all = Number((await page.locator(".total").textContent())!.replace(/\D/g, ""));
  const causeFacet = page.locator(".facet", { has: page.locator("h3", { hasText: "原因(TSR分類)" }) });
  const first = causeFacet.getByRole("link").first();
  const count = Number((await first.locator(".count").textContent())!.replace(/\D/g, ""));
  assert.ok(count >= 2 && count < all, `${count} of ${all}`);
  await Promise.all([page.waitForResponse((r) => r.url().includes("/api/v1/incidents?") && r.url().includes("cause=")), first.click()]);
  await page.waitForURL(/[?&]cause=/);
  const cause = new URL(page.url()).searchParams.get("cause")!;
  await page.locator(".total", { hasText: `${count}件` }).waitFor();
  assert.equal(await page.locator(".incident-card").count(), count, "the search finds what the facet counted");
  assert.equal(await causeFacet.locator("a.active").count(), 1);
  await page.locator(".chips", { hasText: "原因" }).waitFor();

  await Promise.all([page.waitForResponse((r) => r.url().includes("sort=affected")), page.getByLabel("並び順").selectOption("affected")]);
  await page.waitForURL(/sort=affected/);
  assert.equal(new URL(page.url()).searchParams.get("cause"), cause, "sorting keeps the filters");
  const api = await (await fetch(`${ui.base}/api/v1/incidents?${new URLSearchParams({ cause, limit: "500" })}`)).json() as { items: { organization: string; affected_count: number | null }[] };
  const most = api.items.reduce((a, b) => ((b.affected_count ?? -1) > (a.affected_count ?? -1) ? b : a));
  assert.ok(most.affected_count !== null);
  const top = page.locator(".incident-card").first();
  await top.filter({ hasText: most.organization }).waitFor();
  assert.match((await top.textContent())!, new RegExp(`${most.affected_count.toLocaleString("en-US")}人`), "the first result has the largest count");
  await ui.screenshot("search-sorted");
  // The shared URL reopens the same search.
  await page.reload();
  assert.equal(await page.getByLabel("並び順").inputValue(), "affected");
  await top.filter({ hasText: most.organization }).waitFor();
});

test("an incident: clicking a field highlights the words it came from in the archived notice", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/search?q=${encodeURIComponent("ランサムウェア")}`);
  await page.locator(".incident-card h3 a").first().click();
  await page.waitForURL(/\/incidents\/inc_/);
  await page.locator("table.fields").waitFor();
  const d = await detail(idOf(page));
  for (const field of ["organization", "affected_count"]) {
    const best = d.notices.flatMap((n) => n.findings).filter((f) => f.field === field).sort((a, b) => b.confidence - a.confidence)[0];
    assert.ok(best, `the example has evidence for ${field}`);
    await page.locator(`#field-${field} button.field-name`).click();
    const mark = page.locator("mark.field-hl");
    await mark.waitFor();
    assert.equal(await mark.textContent(), best.text);
    assert.ok(await mark.isVisible());
    await page.waitForTimeout(400);
    const seen = await page.evaluate(() => {
      const m = document.querySelector("mark.field-hl")!.getBoundingClientRect();
      const box = document.querySelector("pre.notice-text")!.getBoundingClientRect();
      return m.top >= Math.max(0, box.top) - 1 && m.bottom <= Math.min(innerHeight, box.bottom) + 1;
    });
    assert.ok(seen, `the words of ${field} are scrolled into sight, in the notice's box and in the window`);
    assert.equal(await page.locator(`#field-${field} button.field-name`).getAttribute("aria-pressed"), "true");
  }
  assert.ok(await page.locator(".sources li").count() >= 1);
  assert.match((await page.locator(".tags").textContent())!, /T\d{4}/, "ATT&CK techniques are shown");
  await ui.screenshot("incident");
  await page.evaluate(() => scrollTo(0, 0));
  await ui.viewportShot("incident-viewport");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "STIX 2.1 でダウンロード" }).click()]);
  const bundle = JSON.parse(await readFile((await download.path())!, "utf8")) as { type: string; objects: { type: string }[] };
  assert.equal(bundle.type, "bundle");
  assert.ok(bundle.objects.some((o) => o.type === "incident"));
});

test("an analyst signs in, corrects a field with a reason and sees it in the history", { skip }, async () => {
  const page = ui.page;
  const url = page.url();
  const id = idOf(page);
  assert.equal(await page.locator("form.correct, button.small").count(), 0, "anonymous readers get no correction controls");
  await page.getByRole("link", { name: "サインイン" }).click();
  await page.getByLabel("APIトークン").fill(ui.analystToken);
  await page.getByRole("button", { name: "サインイン" }).click();
  await page.getByText("ana(アナリスト)").waitFor();
  await page.goto(url);
  await page.getByRole("button", { name: "影響人数を修正" }).click();
  await page.getByLabel("新しい値").fill("4321");
  await page.getByLabel("修正の理由(必須)").fill("続報で人数が確定したため");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.locator("#field-affected_count", { hasText: "4,321人" }).waitFor();
  assert.match((await page.locator("#field-affected_count").textContent())!, /修正済み/);
  const history = page.locator(".history");
  await history.getByText("理由: 続報で人数が確定したため").waitFor();
  assert.match((await history.locator("li").first().textContent())!, /修正.*影響人数.*→ 4,321人/);
  assert.equal((await detail(id)).fields.affected_count, 4321);
  await ui.screenshot("incident-corrected");
});

test("the language switch translates every label and remembers the choice", { skip }, async () => {
  const page = ui.page;
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.getByRole("heading", { name: "Extracted fields" }).waitFor();
  await page.getByText("People affected").first().waitFor();
  await page.getByRole("link", { name: "Search", exact: true }).waitFor();
  assert.match((await page.locator("#field-affected_count").textContent())!, /4,321 people/);
  await page.reload();
  await page.getByRole("heading", { name: "History" }).waitFor();
  await ui.screenshot("incident-en");
  await page.goto(`${ui.base}/`);
  await page.getByRole("heading", { name: "Latest incidents" }).waitFor();
  await ui.screenshot("home-en");
  await page.getByRole("button", { name: "日本語" }).click();
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.getByRole("heading", { name: "新着の事案" }).waitFor();
});

test("a notice quoting <img onerror> and <script> renders as text and nothing in it runs", { skip }, async () => {
  const page = ui.page;
  await page.goto(`${ui.base}/search?q=${encodeURIComponent("からくり")}`);
  await page.getByRole("link", { name: HOSTILE_ORG }).click();
  await page.locator("pre.notice-text").waitFor();
  const title = (await page.locator(".incident-head .title").textContent())!;
  assert.match(title, /<img src=x onerror="window\.__jikenboPwned='img'">/);
  const text = (await page.locator("pre.notice-text").textContent())!;
  assert.match(text, /<script>window\.__jikenboPwned='script'<\/script>/);
  assert.match(text, /<a href="javascript:/);
  assert.equal(await page.locator("main img, main script, main a[href^='javascript']").count(), 0);
  await page.locator("#field-cause button.field-name").click();
  assert.equal(await page.locator("mark.field-hl").textContent(), "原因は管理画面の設定不備です。");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as { __jikenboPwned?: string }).__jikenboPwned), undefined);
  assert.deepEqual(dialogs, []);
  await ui.screenshot("hostile");
});

test("no console errors or CSP violations while browsing", { skip }, async () => {
  const bad = ui.console.filter((m) => /^(error|pageerror)/.test(m) || /Content Security Policy|Refused to/i.test(m));
  assert.deepEqual(bad, []);
});

test("phone width (375 px): home, search and incident fit without sideways scrolling", { skip }, async () => {
  const context = await ui.browser.newContext({ viewport: { width: 375, height: 812 }, locale: "ja-JP", isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    const fits = async () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    await page.goto(`${ui.base}/`);
    await page.locator(".incident-card").first().waitFor();
    assert.ok(await fits(), "home fits");
    await ui.screenshot("phone-home", page);
    await page.goto(`${ui.base}/search?q=${encodeURIComponent("不正アクセス")}`);
    await page.locator(".incident-card").first().waitFor();
    assert.ok(await fits(), "search fits");
    await ui.screenshot("phone-search", page);
    await page.locator(".incident-card h3 a").first().click();
    await page.locator("table.fields").waitFor();
    await page.locator("#field-organization button.field-name").click();
    await page.locator("mark.field-hl").waitFor();
    assert.ok(await fits(), "incident fits");
    await ui.screenshot("phone-incident", page);
  } finally {
    await context.close();
  }
});
