import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import { levelsUpTo } from "../casebook/authorize.js";
import { parseTlp } from "../intel/taxonomies/tlp.js";
import type { ReportScope } from "../report/load.js";
import type { Report } from "../report/types.js";
import type { Store } from "../store/types.js";
import { MONTH, YEAR } from "../report/periods.js";
import { cliIo, err, UsageError, withStore } from "./context.js";

/** Formats a report is written in. */
const FORMATS = ["html", "md", "pdf", "json"] as const;

interface ReportOptions {
  db?: string;
  format: string;
  lang: string;
  out?: string;
  clearance?: string;
  base: string;
}

// The report modules (and Chromium's driver) load when a report command runs, not when the CLI starts.
function scopeOf(o: ReportOptions): ReportScope {
  if (o.lang !== "ja" && o.lang !== "en") throw new UsageError("--lang must be ja or en");
  if (!(FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (o.clearance === undefined) return { lang: o.lang };
  const tlp = parseTlp(o.clearance);
  if (!tlp) throw new UsageError("--clearance must be a TLP level: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
  return { lang: o.lang, tlp: levelsUpTo(tlp) };
}

/** Write a report in the asked format to --out or standard output; a PDF without Chromium becomes HTML, with a message. */
async function write(report: Report, o: ReportOptions): Promise<void> {
  const link = { base: o.base.replace(/\/+$/, "") };
  let body: string | Uint8Array;
  let out = o.out;
  if (o.format === "json") body = JSON.stringify(report, null, 2) + "\n";
  else if (o.format === "md") body = (await import("../report/render/md.js")).reportMarkdown(report, link);
  else body = (await import("../report/render/html.js")).reportHtml(report, link);
  if (o.format === "pdf") {
    const pdf = await (await import("../report/pdf.js")).htmlToPdf(body as string);
    if (pdf) body = pdf;
    else {
      if (out) out = out.replace(/\.pdf$/i, "") + ".html";
      err(`jikenbo: no Chromium to print a PDF (install chromium, or set $JIKENBO_CHROMIUM); writing HTML instead${out ? ` to ${out}` : ""}`);
    }
  }
  if (out) writeFileSync(out, body);
  else if (typeof body === "string") cliIo().out(body);
  else process.stdout.write(body);
}

function options(c: Command): Command {
  return c
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--format <format>", FORMATS.join("|"), "html")
    .option("--lang <lang>", "ja or en", "ja")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--clearance <tlp>", "only what a reader cleared to this TLP level may see (default: everything)")
    .option("--base <url>", "the Jikenbo server links point to (incident pages, archived notices)", process.env.JIKENBO_BASE_URL ?? "http://127.0.0.1:8080");
}

// Each kind of report: what its command says, the period it takes and how that period is written.
const KINDS = [
  { name: "monthly", about: "every incident of a month, by cause, each told in its notice's own sentences", period: "month", form: MONTH, shape: "YYYY-MM" },
  { name: "annual", about: "a year's incidents and people affected by cause, medium, sector, month and type; the largest; the basics at fault", period: "year", form: YEAR, shape: "YYYY" },
  { name: "lessons", about: "per cause category, the measures (再発防止策) organisations announced, quoted", period: "year", form: YEAR, shape: "YYYY" },
] as const;

/** `jikenbo report monthly|annual|lessons`: reports people read, as HTML, Markdown, print-ready PDF or JSON. */
export function registerReport(program: Command): void {
  const report = program.command("report").description("reports people read: a monthly digest, annual statistics, lessons (HTML, Markdown, PDF, JSON)");
  for (const kind of KINDS) {
    options(report.command(kind.name).description(kind.about))
      .requiredOption(`--${kind.period} <${kind.shape}>`, `the ${kind.period}`)
      .action(async (o: ReportOptions & Record<typeof kind.period, string>) => {
        const scope = scopeOf(o);
        const period = o[kind.period];
        if (!kind.form.test(period)) throw new UsageError(`--${kind.period} must be ${kind.shape}`);
        const load = await import("../report/load.js");
        const builders: Record<typeof kind.name, (s: Store, period: string, scope: ReportScope) => Promise<Report>> = {
          monthly: load.monthlyReport, annual: load.annualReport, lessons: load.lessonsReport,
        };
        await write(await withStore(o.db, (s) => builders[kind.name](s, period, scope)), o);
      });
  }
}
