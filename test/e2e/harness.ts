// End-to-end harness: a server with the built web UI over a temporary casebook (the example notices,
// a hostile notice and an analyst), and Debian's Chromium driven by playwright-core.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/http/server.js";
import { webUi } from "../../src/http/ui.js";
import type { Store } from "../../src/store/types.js";
import { ROOT } from "../helpers.js";
import { emptyStore, seed } from "../http-kit.js";

/** Debian's Chromium, which CI installs with apt. */
export const CHROMIUM = process.env.JIKENBO_CHROMIUM ?? "/usr/bin/chromium";
/** The built UI the server serves (`npm run build`). */
export const UI_DIR = join(ROOT, "dist/web");
/** Where screenshots go (gitignored; CI keeps them as artifacts). */
export const SCREENSHOTS = join(ROOT, "test-artifacts/screenshots");
/** A notice that quotes a phishing mail with markup and script, written for these tests. */
export const HOSTILE_NOTICE = join(ROOT, "test/fixtures/e2e/hostile-notice.txt");
/** The organisation of the hostile notice. */
export const HOSTILE_ORG = "株式会社からくり雑貨店";

// The context's locale sets navigator.language and Accept-Language; date inputs follow the browser's own
// locale, which Chromium on Linux takes from $LANGUAGE (with chromium-l10n installed): yyyy/mm/dd. LANG is
// left alone, as fontconfig would pick other (monospaced) fonts for ja_JP.
const JAPANESE_ENV = { ...process.env, LANGUAGE: "ja" };
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"];

/**
 * Why the browser tests cannot run here, for `test(name, { skip })`: false when Chromium is installed,
 * and false under $CI too, so a missing browser fails there instead of passing silently.
 */
export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  return `no Chromium at ${CHROMIUM} (apt-get install chromium chromium-l10n fonts-ipafont-gothic)`;
}

/** A running UI with a browser page on it. */
export interface UiHarness {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  base: string;
  store: Store;
  /** Token of the analyst user "ana" (clearance AMBER). */
  analystToken: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console messages and page errors seen so far, as `type: text`. */
  console: string[];
  /** Save a full-page PNG of `page` (or another page) as test-artifacts/screenshots/NAME.png; returns the path. */
  screenshot(name: string, p?: Page): Promise<string>;
  /** Save what the viewport shows (the top of the page as scrolled) as test-artifacts/screenshots/NAME.png. */
  viewportShot(name: string, p?: Page): Promise<string>;
  /** Close the browser, the server and the casebook. */
  close(): Promise<void>;
}

/** Start the server and browser; the page is 1366×768 with Japanese locale unless `viewport` says otherwise. */
export async function startUi(opts: { viewport?: { width: number; height: number } } = {}): Promise<UiHarness> {
  if (!existsSync(join(UI_DIR, "index.html"))) throw new Error(`the web UI is not built (${UI_DIR}): run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium chromium-l10n fonts-ipafont-gothic`);
  const store = await emptyStore();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    await seed(store);
    await seed(store, [HOSTILE_NOTICE]);
    const analystToken = (await store.addUser("ana", "analyst", "AMBER", { who: "e2e", clearance: "RED" })).token;
    server = await startServer({
      store, host: "127.0.0.1", port: 0, static: webUi(UI_DIR), settings: { anonymousRead: true, allowPrivate: false },
      pollEveryMs: 3_600_000, deliverEveryMs: 3_600_000, graceMs: 1_000,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, env: JAPANESE_ENV, headless: true });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1366, height: 768 }, locale: "ja-JP", acceptDownloads: true });
    const page = await context.newPage();
    const console: string[] = [];
    page.on("console", (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => console.push(`pageerror: ${e.message}`));
    mkdirSync(SCREENSHOTS, { recursive: true });
    const srv = server, br = browser;
    return {
      base: server.url, store, analystToken, browser, context, page, console,
      async screenshot(name, p = page) {
        const path = join(SCREENSHOTS, `${name}.png`);
        await p.screenshot({ path, fullPage: true });
        return path;
      },
      async viewportShot(name, p = page) {
        const path = join(SCREENSHOTS, `${name}.png`);
        await p.screenshot({ path });
        return path;
      },
      async close() {
        await br.close();
        await srv.close();
        await store.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server?.close();
    await store.close();
    throw e;
  }
}
