import type { StatRow } from "../../intel/stats.js";
import { BLOCKS, type AnnualReport, type DigestEntry, type IncidentRef, type Lang, type LessonsReport, type MonthlyReport, type Quote, type Report } from "../types.js";
import { archivedUrl, incidentUrl, published, quotedOnce, reportTitle, type LinkBase } from "./html.js";
import { blockTitle, change, num, word } from "./words.js";

/** Text made inert in Markdown, on one line: inline markup characters backslash-escaped, `&` and `<` as entities. */
function md(s: string): string {
  return s.replace(/\s+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

function link(text: string, url: string): string {
  return `[${md(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function quote(q: Quote, o: LinkBase, lang: Lang): string {
  return `> ${q.clipped_before ? "…" : ""}${md(q.text)}${q.clipped_after ? "…" : ""} ${link(`[${word(lang, "archived")}]`, archivedUrl(o, q.document))}`;
}

function ref(i: IncidentRef, o: LinkBase, lang: Lang): string {
  return `${link(i.organization ?? word(lang, "organizationUnknown"), incidentUrl(o, i.id))} — ${md(i.title)}`;
}

function entry(e: DigestEntry, o: LinkBase, lang: Lang): string[] {
  const count = e.affected_count === null ? word(lang, "unknown") : `${num(e.affected_count)}${e.affected_count_text ? ` (${e.affected_count_text})` : ""}`;
  return [
    `### ${link(e.title, incidentUrl(o, e.id))}`, "",
    `- ${word(lang, "organization")}: ${md(e.organization ?? word(lang, "organizationUnknown"))}`,
    `- ${word(lang, "disclosed")}: ${e.disclosed_on ?? word(lang, "unknown")} · ${word(lang, "discovered")}: ${e.discovered_on ?? word(lang, "unknown")}`,
    `- ${word(lang, "affected")}: ${md(count)}`,
    `- ${word(lang, "types")}: ${md(e.types.map((t) => t.label).join(" / ") || word(lang, "unknown"))}`,
    `- ${word(lang, "dataTypes")}: ${md(e.data_types.map((t) => t.label).join(" / ") || word(lang, "notStated"))}`,
    `- ${word(lang, "tags")}: ${md(e.tags.map((t) => t.label).join(" / ") || "—")}`, "",
    ...BLOCKS.flatMap((k) => [`**${blockTitle(lang, k)}**`, "", ...(e.blocks[k].length
      ? quotedOnce(e, k).flatMap((q) => [typeof q === "string" ? word(lang, "same", { block: blockTitle(lang, q) }) : quote(q, o, lang), ""])
      : [word(lang, "notStated"), ""])]),
    `**${word(lang, "sources")}**`, "",
    ...e.sources.map((s) => `- ${word(lang, s.followup ? "followup" : "first")} ${s.date ?? ""} ${link(s.title || word(lang, "archived"), archivedUrl(o, s.document))}${published(s.source) ? ` (${md(s.source)})` : ""}`),
    "",
  ];
}

function table(rows: StatRow[], lang: Lang, previous?: StatRow[]): string[] {
  const before = previous && new Map(previous.map((r) => [r.key, r.incidents]));
  const head = [word(lang, "item"), word(lang, "count"), word(lang, "people"), word(lang, "median"), word(lang, "noCount"), ...(before ? [word(lang, "changeCount")] : [])];
  return [
    `| ${head.join(" | ")} |`, `|${head.map((_, i) => (i ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map((r) => `| ${md(r.label)} | ${num(r.incidents)} | ${num(r.people)} | ${r.median === null ? "—" : num(r.median)} | ${num(r.unknown_count)} |${before ? ` ${change(r.incidents, before.get(r.key) ?? 0)} |` : ""}`),
    "",
  ];
}

function monthly(r: MonthlyReport, o: LinkBase): string[] {
  const { lang } = r;
  return r.groups.length
    ? r.groups.flatMap((g) => [`## ${md(g.label)} (${g.entries.length})`, "", ...g.entries.flatMap((e) => entry(e, o, lang))])
    : [word(lang, "noIncidents"), ""];
}

function annual(r: AnnualReport, o: LinkBase): string[] {
  const { lang } = r;
  const p = r.previous ?? undefined;
  return [
    `## ${word(lang, "byCause")}`, "", ...table(r.cause, lang, p?.cause),
    `## ${word(lang, "byMedium")}`, "", ...table(r.medium, lang, p?.medium),
    `## ${word(lang, "bySector")}`, "", ...table(r.sector, lang, p?.sector),
    `## ${word(lang, "byMonth")}`, "", ...table(r.month, lang),
    `## ${word(lang, "byType")}`, "", ...table(r.type, lang, p?.type),
    `## ${word(lang, "unknownCounts")}`, "",
    word(lang, "unknownShare", { year: r.year, total: num(r.total), unknown: num(r.unknown_count), share: r.total ? `${Math.round((r.unknown_count / r.total) * 100)}%` : "—" }), "",
    `## ${word(lang, "largest")}`, "", ...r.largest.map((i, n) => `${n + 1}. ${ref(i, o, lang)} — ${num(i.affected_count ?? 0)}`), "",
    `## ${word(lang, "basics")}`, "",
    ...(r.basics.length ? r.basics.flatMap((b) => [`### ${md(b.label)} — ${word(lang, "basicsCount", { n: num(b.incidents) })}`, "", ...b.examples.map((i) => `- ${ref(i, o, lang)}`), ""]) : [word(lang, "noIncidents"), ""]),
    ...(r.previous
      ? [`## ${word(lang, "previous", { year: r.previous.year })}`, "", `| | ${r.previous.year} | ${r.year} | ${word(lang, "change")} |`, "| --- | ---: | ---: | ---: |",
        ...([["incidents", r.total, r.previous.total], ["people", r.people, r.previous.people], ["noCount", r.unknown_count, r.previous.unknown_count]] as const)
          .map(([k, now, then]) => `| ${word(lang, k)} | ${num(then)} | ${num(now)} | ${change(now, then)} |`), ""]
      : [word(lang, "noPrevious"), ""]),
  ];
}

function lessons(r: LessonsReport, o: LinkBase): string[] {
  const { lang } = r;
  return r.categories.flatMap((c) => [
    `## ${md(c.label)}`, "", word(lang, "measuresCount", { incidents: num(c.incidents), with: num(c.with_measures), measures: num(c.measures) }), "",
    ...c.items.flatMap((m) => [`### ${ref(m.incident, o, lang)}`, "", ...m.quotes.flatMap((q) => [quote(q, o, lang), ""])]),
  ]);
}

/** A report as Markdown: the same content as the HTML (charts as tables), every quoted text made inert. */
export function reportMarkdown(r: Report, o: LinkBase): string {
  const { lang } = r;
  const summary = r.kind === "lessons"
    ? word(lang, "lessonsSummary", { total: num(r.total), measures: num(r.categories.reduce((n, c) => n + c.measures, 0)) })
    : word(lang, "summary", { total: num(r.total), people: num(r.people), unknown: num(r.unknown_count) });
  const body = r.kind === "monthly" ? monthly(r, o) : r.kind === "annual" ? annual(r, o) : lessons(r, o);
  return [`# ${md(reportTitle(r))}`, "", `**${summary}**`, "", `_${word(lang, "tlpNote")}_`, "", ...body, `_${word(lang, "generated")}_`, ""].join("\n");
}
