// The shapes of the API's answers the UI reads: the types of the API's own response schemas
// (src/http/schemas.ts, the ones /api/openapi.json is written from), so that the UI reading a shape
// the API does not answer fails `npm run typecheck`.
import type { z } from "@hono/zod-openapi";
import type * as Api from "../../src/http/schemas.js";

/** A [start, end) range of UTF-16 offsets into a document's decoded text. */
export type Span = readonly [number, number];

/** GET /incidents. */
export type IncidentList = z.infer<typeof Api.IncidentList>;

/** An incident as lists return it (with a snippet when searched with snippets=true). */
export type IncidentSummary = IncidentList["items"][number];

/** One facet's counts. */
export type FacetCounts = NonNullable<IncidentList["facets"]>["type"];

/** GET /incidents/{id}. */
export type IncidentDetail = z.infer<typeof Api.IncidentDetail>;

/** A notice (source) of an incident. */
export type Notice = IncidentDetail["notices"][number];

/** One extracted value with the words it came from. */
export type Finding = Notice["findings"][number];

/** A taxonomy tag. */
export type Tag = IncidentDetail["tags"][number];

/** GET /documents/{sha256}. */
export type DocumentView = z.infer<typeof Api.DocumentMeta>;

/** One event of an incident's history. */
export type HistoryEvent = z.infer<typeof Api.Event>;

/** GET /stats. */
export type Stats = z.infer<typeof Api.Stats>;
