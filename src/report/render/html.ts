import type { StatRow } from "../../intel/stats.js";
import { BLOCKS, type AnnualReport, type BlockKey, type DigestEntry, type IncidentRef, type Lang, type LessonsReport, type MonthlyReport, type Quote, type Report } from "../types.js";
import { escapeMarkup as esc } from "../../core/escape.js";
import { PAGE_CSS, REPORT_CSS } from "./style.js";
import { barChart, columnChart } from "./svg.js";
import { blockTitle, change, num, word } from "./words.js";

/** Where links point: `base` is the server's address ("" for links relative to the server the page comes from). */
export interface LinkBase {
  base: string;
}

/** The incident page of an incident. */
export function incidentUrl(o: LinkBase, id: string): string {
  return `${o.base}/incidents/${encodeURIComponent(id)}`;
}

/** The archived original of a document. */
export function archivedUrl(o: LinkBase, sha: string): string {
  return `${o.base}/api/v1/documents/${encodeURIComponent(sha)}/raw`;
}

/** True for a source a reader can follow (a web address); files on the server that ingested them are not shown. */
export function published(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** A report's title. */
export function reportTitle(r: Report): string {
  return r.kind === "monthly" ? word(r.lang, "monthly", { month: r.month }) : word(r.lang, r.kind, { year: r.year });
}

function header(r: Report, summary: string, toc: [string, string][]): string {
  return `<header><h1>${esc(reportTitle(r))}</h1><p class="jr-summary">${esc(summary)}</p><p class="jr-note">${esc(word(r.lang, "tlpNote"))}</p></header>`
    + (toc.length ? `<nav class="jr-toc" aria-label="${esc(word(r.lang, "contents"))}"><h2>${esc(word(r.lang, "contents"))}</h2><ol>${toc.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("")}</ol></nav>` : "");
}

function quote(q: Quote, o: LinkBase, lang: Lang): string {
  return `<blockquote class="jr-quote">${q.clipped_before ? "…" : ""}${esc(q.text)}${q.clipped_after ? "…" : ""}`
    + `<a class="jr-cite" href="${esc(archivedUrl(o, q.document))}">[${esc(word(lang, "archived"))}]</a></blockquote>`;
}

function ref(i: IncidentRef, o: LinkBase, lang: Lang): string {
  return `<a href="${esc(incidentUrl(o, i.id))}">${esc(i.organization ?? word(lang, "organizationUnknown"))}</a> — ${esc(i.title)}`;
}

function affected(e: Pick<DigestEntry, "affected_count" | "affected_count_text">, lang: Lang): string {
  if (e.affected_count === null) return word(lang, "unknown");
  return `${num(e.affected_count)}${e.affected_count_text ? ` (${e.affected_count_text})` : ""}`;
}

/** A block's quotes, each sentence an earlier block of the entry quoted already given as that block's key instead. */
export function quotedOnce(e: DigestEntry, k: BlockKey): (Quote | BlockKey)[] {
  const earlier = BLOCKS.slice(0, BLOCKS.indexOf(k));
  return e.blocks[k].map((q) => earlier.find((b) => e.blocks[b].some((p) => p.document === q.document && p.start === q.start && p.end === q.end)) ?? q);
}

function entry(e: DigestEntry, o: LinkBase, lang: Lang): string {
  const facts: [string, string][] = [
    [word(lang, "organization"), e.organization ?? word(lang, "organizationUnknown")],
    [word(lang, "disclosed"), e.disclosed_on ?? word(lang, "unknown")],
    [word(lang, "discovered"), e.discovered_on ?? word(lang, "unknown")],
    [word(lang, "affected"), affected(e, lang)],
    [word(lang, "types"), e.types.map((t) => t.label).join(" / ") || word(lang, "unknown")],
    [word(lang, "dataTypes"), e.data_types.map((t) => t.label).join(" / ") || word(lang, "notStated")],
    [word(lang, "tags"), e.tags.map((t) => t.label).join(" / ") || "—"],
  ];
  const blocks = BLOCKS.map((k) => `<div class="jr-block"><h4>${esc(blockTitle(lang, k))}</h4>`
    + (e.blocks[k].length
      ? quotedOnce(e, k).map((q) => (typeof q === "string" ? `<p class="jr-none">${esc(word(lang, "same", { block: blockTitle(lang, q) }))}</p>` : quote(q, o, lang))).join("")
      : `<p class="jr-none">${esc(word(lang, "notStated"))}</p>`) + "</div>");
  const sources = e.sources.map((s) => `<li><span class="jr-badge">${esc(word(lang, s.followup ? "followup" : "first"))}</span>${esc(s.date ?? "")} `
    + `<a href="${esc(archivedUrl(o, s.document))}">${esc(s.title || word(lang, "archived"))}</a>${published(s.source) ? ` <span class="jr-source">${esc(s.source)}</span>` : ""}</li>`);
  return `<article class="jr-entry" id="${esc(e.id)}"><h3><a href="${esc(incidentUrl(o, e.id))}">${esc(e.title)}</a></h3>`
    + `<dl class="jr-facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>${blocks.join("")}`
    + `<h4>${esc(word(lang, "sources"))}</h4><ul class="jr-sources">${sources.join("")}</ul>`
    + `<p><a href="${esc(incidentUrl(o, e.id))}">${esc(word(lang, "incidentPage"))} →</a></p></article>`;
}

function monthly(r: MonthlyReport, o: LinkBase): string {
  const { lang } = r;
  const toc = r.groups.map((g, i): [string, string] => [`jr-g${i}`, `${g.label} (${g.entries.length})`]);
  const groups = r.groups.map((g, i) => `<section id="jr-g${i}"><h2>${esc(g.label)} (${g.entries.length})</h2>${g.entries.map((e) => entry(e, o, lang)).join("")}</section>`);
  return header(r, word(lang, "summary", { total: num(r.total), people: num(r.people), unknown: num(r.unknown_count) }), toc)
    + (groups.length ? groups.join("") : `<p>${esc(word(lang, "noIncidents"))}</p>`);
}

function table(rows: StatRow[], lang: Lang, previous?: StatRow[]): string {
  const before = previous && new Map(previous.map((r) => [r.key, r.incidents]));
  const head = [word(lang, "item"), word(lang, "count"), word(lang, "people"), word(lang, "median"), word(lang, "noCount"), ...(before ? [word(lang, "changeCount")] : [])];
  const body = rows.map((r) => `<tr><td>${esc(r.label)}</td><td class="jr-n">${num(r.incidents)}</td><td class="jr-n">${num(r.people)}</td>`
    + `<td class="jr-n">${r.median === null ? "—" : num(r.median)}</td><td class="jr-n">${num(r.unknown_count)}</td>`
    + (before ? `<td class="jr-n">${esc(change(r.incidents, before.get(r.key) ?? 0))}</td>` : "") + "</tr>");
  return `<table><thead><tr>${head.map((h, i) => `<th${i ? ' class="jr-n"' : ""}>${esc(h)}</th>`).join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

function breakdown(id: string, title: string, rows: StatRow[], lang: Lang, previous?: StatRow[]): string {
  const chart = barChart(rows.map((r) => ({ label: r.label, value: r.incidents })), title);
  return `<section id="${id}" class="jr-figure"><h2>${esc(title)}</h2><div class="jr-chart">${chart}</div>${table(rows, lang, previous)}</section>`;
}

function annual(r: AnnualReport, o: LinkBase): string {
  const { lang } = r;
  const p = r.previous ?? undefined;
  const parts: [string, string, string][] = [
    ["jr-cause", word(lang, "byCause"), breakdown("jr-cause", word(lang, "byCause"), r.cause, lang, p?.cause)],
    ["jr-medium", word(lang, "byMedium"), breakdown("jr-medium", word(lang, "byMedium"), r.medium, lang, p?.medium)],
    ["jr-sector", word(lang, "bySector"), breakdown("jr-sector", word(lang, "bySector"), r.sector, lang, p?.sector)],
    ["jr-month", word(lang, "byMonth"), `<section id="jr-month" class="jr-figure"><h2>${esc(word(lang, "byMonth"))}</h2><div class="jr-chart">`
      + columnChart(r.month.map((m) => ({ label: m.key.slice(5), value: m.incidents })), word(lang, "byMonth")) + `</div>${table(r.month, lang)}</section>`],
    ["jr-type", word(lang, "byType"), breakdown("jr-type", word(lang, "byType"), r.type, lang, p?.type)],
    ["jr-unknown", word(lang, "unknownCounts"), `<section id="jr-unknown"><h2>${esc(word(lang, "unknownCounts"))}</h2><p>${esc(word(lang, "unknownShare", {
      year: r.year, total: num(r.total), unknown: num(r.unknown_count), share: r.total ? `${Math.round((r.unknown_count / r.total) * 100)}%` : "—",
    }))}</p></section>`],
    ["jr-largest", word(lang, "largest"), `<section id="jr-largest"><h2>${esc(word(lang, "largest"))}</h2><table><thead><tr><th class="jr-n">${esc(word(lang, "rank"))}</th>`
      + `<th>${esc(word(lang, "incidents"))}</th><th>${esc(word(lang, "disclosed"))}</th><th class="jr-n">${esc(word(lang, "people"))}</th></tr></thead><tbody>`
      + r.largest.map((i, n) => `<tr><td class="jr-n">${n + 1}</td><td>${ref(i, o, lang)}</td><td>${esc(i.date ?? "")}</td><td class="jr-n">${num(i.affected_count ?? 0)}</td></tr>`).join("")
      + "</tbody></table></section>"],
    ["jr-basics", word(lang, "basics"), `<section id="jr-basics"><h2>${esc(word(lang, "basics"))}</h2>` + (r.basics.length ? r.basics.map((b) => `<h3>${esc(b.label)} — ${esc(word(lang, "basicsCount", { n: num(b.incidents) }))}</h3>`
      + `<ul>${b.examples.map((i) => `<li>${ref(i, o, lang)}</li>`).join("")}</ul>`).join("") : `<p>${esc(word(lang, "noIncidents"))}</p>`) + "</section>"],
  ];
  if (r.previous) {
    const q = r.previous;
    parts.push(["jr-previous", word(lang, "previous", { year: q.year }), `<section id="jr-previous"><h2>${esc(word(lang, "previous", { year: q.year }))}</h2><table><thead><tr><th></th>`
      + `<th class="jr-n">${esc(q.year)}</th><th class="jr-n">${esc(r.year)}</th><th class="jr-n">${esc(word(lang, "change"))}</th></tr></thead><tbody>`
      + ([["incidents", r.total, q.total], ["people", r.people, q.people], ["noCount", r.unknown_count, q.unknown_count]] as const)
        .map(([k, now, then]) => `<tr><td>${esc(word(lang, k))}</td><td class="jr-n">${num(then)}</td><td class="jr-n">${num(now)}</td><td class="jr-n">${esc(change(now, then))}</td></tr>`).join("")
      + "</tbody></table></section>"]);
  }
  return header(r, word(lang, "summary", { total: num(r.total), people: num(r.people), unknown: num(r.unknown_count) }), parts.map(([id, t]) => [id, t]))
    + parts.map(([, , html]) => html).join("") + (r.previous ? "" : `<p class="jr-note">${esc(word(lang, "noPrevious"))}</p>`);
}

function lessons(r: LessonsReport, o: LinkBase): string {
  const { lang } = r;
  const toc = r.categories.map((c, i): [string, string] => [`jr-c${i}`, `${c.label} (${c.with_measures}/${c.incidents})`]);
  const body = r.categories.map((c, i) => `<section id="jr-c${i}"><h2>${esc(c.label)}</h2><p>${esc(word(lang, "measuresCount", { incidents: num(c.incidents), with: num(c.with_measures), measures: num(c.measures) }))}</p>`
    + c.items.map((m) => `<div class="jr-entry"><h3>${ref(m.incident, o, lang)}</h3>${m.quotes.map((q) => quote(q, o, lang)).join("")}</div>`).join("") + "</section>");
  return header(r, word(lang, "lessonsSummary", { total: num(r.total), measures: num(r.categories.reduce((n, c) => n + c.measures, 0)) }), toc)
    + (body.length ? body.join("") : `<p>${esc(word(lang, "noIncidents"))}</p>`);
}

/** A report as an HTML fragment (`<article class="jr">`), every text escaped, charts as inline SVG. */
export function reportBody(r: Report, o: LinkBase): string {
  const inner = r.kind === "monthly" ? monthly(r, o) : r.kind === "annual" ? annual(r, o) : lessons(r, o);
  return `<article class="jr" lang="${r.lang}">${inner}<p class="jr-foot">${esc(word(r.lang, "generated"))}</p></article>`;
}

/** A report as a standalone HTML document: no script, no external resources, ready to print. */
export function reportHtml(r: Report, o: LinkBase): string {
  return `<!doctype html>\n<html lang="${r.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${esc(reportTitle(r))}</title><style>${REPORT_CSS}${PAGE_CSS}</style></head><body>${reportBody(r, o)}</body></html>\n`;
}
