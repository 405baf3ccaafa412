// Type-level checks, compiled by `npm run typecheck` and never run: the web UI's types are the API's
// response types, the API's field schemas are the core field types (both read from FIELDS), and what
// the store and the tally answer fits the schemas the API declares. A mismatch fails the build.
import type { z } from "@hono/zod-openapi";
import type * as Core from "../src/core/types.js";
import type * as Api from "../src/http/schemas.js";
import type { StatsResult } from "../src/intel/stats.js";
import type * as Store from "../src/store/types.js";
import type * as Web from "../web/src/types.js";

/** True when A and B are the same type (not merely assignable either way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** True when every A is a B. */
type Fits<A, B> = [A] extends [B] ? true : false;
/** Compiles only for `true`. */
type Expect<T extends true> = T;

/** The web UI reads exactly what the API's schemas declare. */
export type WebReadsTheApi = [
  Expect<Equal<Web.IncidentList, z.infer<typeof Api.IncidentList>>>,
  Expect<Equal<Web.IncidentDetail, z.infer<typeof Api.IncidentDetail>>>,
  Expect<Equal<Web.DocumentView, z.infer<typeof Api.DocumentMeta>>>,
  Expect<Equal<Web.HistoryEvent, z.infer<typeof Api.Event>>>,
  Expect<Equal<Web.Stats, z.infer<typeof Api.Stats>>>,
  Expect<Equal<Web.IncidentDetail["fields"], Core.IncidentFields>>,
];

/** The API's schemas declare what the code produces. */
export type ApiDeclaresWhatIsServed = [
  Expect<Equal<z.infer<typeof Api.IncidentFields>, Core.IncidentFields>>,
  Expect<Fits<Store.IncidentSummary, z.input<typeof Api.IncidentSummary>>>,
  Expect<Fits<Store.IncidentDetail, z.input<typeof Api.IncidentDetail>>>,
  Expect<Fits<Store.EventRecord, z.input<typeof Api.Event>>>,
  Expect<Fits<Core.Finding, Web.Finding>>,
  Expect<Fits<Core.Tag, Web.Tag>>,
  Expect<Fits<StatsResult, z.input<typeof Api.Stats>>>,
];
