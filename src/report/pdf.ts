import { existsSync } from "node:fs";

/** Debian's Chromium, which prints reports to PDF ($JIKENBO_CHROMIUM overrides). */
export function chromiumPath(): string {
  return process.env.JIKENBO_CHROMIUM ?? "/usr/bin/chromium";
}

/** The footer of every page: page n / total, in the report's font. */
const FOOTER = `<div style="width:100%;font-size:8pt;color:#5a6473;text-align:center;font-family:IPAPGothic,IPAGothic,sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * A standalone HTML report printed to an A4 PDF by headless Chromium, with page numbers; null when
 * Chromium is not installed (the caller says so and falls back to HTML). The page loads nothing:
 * every request it would make is refused.
 */
export async function htmlToPdf(html: string, executablePath = chromiumPath()): Promise<Uint8Array | null> {
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update"] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return await page.pdf({
      format: "A4", printBackground: true, preferCSSPageSize: true, outline: true, tagged: true,
      displayHeaderFooter: true, headerTemplate: "<div></div>", footerTemplate: FOOTER,
    });
  } finally {
    await browser.close();
  }
}
