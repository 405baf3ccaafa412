import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { annualReport, lessonsReport, monthlyReport } from "../../report/load.js";
import { MONTH, YEAR } from "../../report/periods.js";
import { BLOCKS } from "../../report/types.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { StatRow } from "../schemas.js";

const LangQuery = z.strictObject({ lang: z.enum(["ja", "en"]).default("ja").openapi({ description: "labels and headings in ja or en" }) });
const MonthParam = z.object({ month: z.string().regex(MONTH).openapi({ param: { name: "month", in: "path" }, example: "2024-01" }) });
const YearParam = z.object({ year: z.string().regex(YEAR).openapi({ param: { name: "year", in: "path" }, example: "2024" }) });

const Labelled = z.object({ key: z.string(), label: z.string() });
const Quote = z.object({
  document: z.string(), start: z.number().int(), end: z.number().int(), text: z.string(), clipped_before: z.boolean(), clipped_after: z.boolean(),
}).openapi("ReportQuote", { description: "a sentence of an archived notice: text is exactly its decoded text sliced at [start, end)" });
const IncidentRef = z.object({ id: z.string(), title: z.string(), organization: z.string().nullable(), date: z.string().nullable(), affected_count: z.number().nullable() });
const Entry = IncidentRef.extend({
  disclosed_on: z.string().nullable(), discovered_on: z.string().nullable(), affected_count_text: z.string().nullable(), tlp: z.string(),
  types: z.array(Labelled), data_types: z.array(Labelled), tags: z.array(Labelled),
  sources: z.array(z.object({ document: z.string(), title: z.string(), date: z.string().nullable(), source: z.string(), followup: z.boolean() })),
  blocks: z.object(Object.fromEntries(BLOCKS.map((b) => [b, z.array(Quote)])) as Record<(typeof BLOCKS)[number], z.ZodArray<typeof Quote>>),
});
const Monthly = z.object({
  kind: z.literal("monthly"), month: z.string(), lang: z.enum(["ja", "en"]), total: z.number().int(), people: z.number(), unknown_count: z.number().int(),
  groups: z.array(Labelled.extend({ entries: z.array(Entry) })),
}).openapi("MonthlyReport");
const YearFigures = z.object({
  year: z.string(), total: z.number().int(), people: z.number(), unknown_count: z.number().int(),
  cause: z.array(StatRow), medium: z.array(StatRow), sector: z.array(StatRow), type: z.array(StatRow),
});
const Annual = YearFigures.extend({
  kind: z.literal("annual"), lang: z.enum(["ja", "en"]), month: z.array(StatRow), largest: z.array(IncidentRef),
  basics: z.array(Labelled.extend({ incidents: z.number().int(), examples: z.array(IncidentRef) })), previous: YearFigures.nullable(),
}).openapi("AnnualReport");
const Lessons = z.object({
  kind: z.literal("lessons"), year: z.string(), lang: z.enum(["ja", "en"]), total: z.number().int(),
  categories: z.array(Labelled.extend({
    incidents: z.number().int(), with_measures: z.number().int(), measures: z.number().int(), items: z.array(z.object({ incident: IncidentRef, quotes: z.array(Quote) })),
  })),
}).openapi("LessonsReport");

/** `/reports/…`: the data the report renderers use (monthly digest, annual report, lessons), over the incidents the reader may see. */
export function reportsApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/reports/monthly/{month}", tags: ["reports"],
    summary: "The monthly digest: every incident of the month by cause category, each block quoted from its notices (only incidents the reader may see)",
    request: { params: MonthParam, query: LangQuery },
    responses: { 200: json(Monthly, "the digest"), ...errors(400, 401) },
  }), async (c) => c.json(await monthlyReport(store, c.req.valid("param").month, { tlp: c.var.vis.levels, lang: c.req.valid("query").lang }), 200));
  api.openapi(createRoute({
    method: "get", path: "/reports/annual/{year}", tags: ["reports"],
    summary: "The annual report: incidents and people affected by cause, medium, sector, month and type, the ten largest, the basics at fault, the year before",
    request: { params: YearParam, query: LangQuery },
    responses: { 200: json(Annual, "the report"), ...errors(400, 401) },
  }), async (c) => c.json(await annualReport(store, c.req.valid("param").year, { tlp: c.var.vis.levels, lang: c.req.valid("query").lang }), 200));
  api.openapi(createRoute({
    method: "get", path: "/reports/lessons/{year}", tags: ["reports"],
    summary: "Lessons: per cause category, the measures (再発防止策) organisations announced, quoted from their notices",
    request: { params: YearParam, query: LangQuery },
    responses: { 200: json(Lessons, "the lessons"), ...errors(400, 401) },
  }), async (c) => c.json(await lessonsReport(store, c.req.valid("param").year, { tlp: c.var.vis.levels, lang: c.req.valid("query").lang }), 200));
  return api;
}
