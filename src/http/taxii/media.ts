import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.js";
import type { ApiError } from "../errors.js";
import { jsonProblem } from "../input.js";
import { TaxiiError } from "./errors.js";

/** The media type of every TAXII 2.1 resource. */
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
/** The media type of the STIX objects the collections hold. */
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

/** A media type or range split into its lower-cased type and parameters. */
function parseMediaType(value: string): { type: string; params: Map<string, string> } {
  const [type, ...params] = value.split(";").map((s) => s.trim());
  return {
    type: type!.toLowerCase(),
    params: new Map(params.map((p) => {
      const eq = p.indexOf("=");
      return eq < 0 ? [p.toLowerCase(), ""] : [p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"|"$/g, "")];
    })),
  };
}

/** True when a media type names TAXII 2.1 (`application/taxii+json` without a version means the latest, 2.1). */
function isTaxii(m: { type: string; params: Map<string, string> }): boolean {
  const version = m.params.get("version");
  return m.type === "application/taxii+json" && (version === undefined || version === "2.1");
}

/** True when an Accept header admits TAXII 2.1 (a missing header admits anything; q=0 refuses). */
function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const m = parseMediaType(range);
    if (Number(m.params.get("q") ?? "1") === 0) return false;
    return m.type === "*/*" || m.type === "application/*" || isTaxii(m);
  });
}

/** 406 unless the client accepts application/taxii+json;version=2.1. */
export const negotiate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!acceptsTaxii(c.req.header("accept"))) {
    throw new TaxiiError(406, "not acceptable", `this server answers in ${TAXII_MEDIA_TYPE} only`);
  }
  await next();
};

/** The JSON body of a request sent as TAXII 2.1: 415 for any other media type, 400 when it does not parse or nests too deeply. */
export async function taxiiBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type");
  if (!type || !isTaxii(parseMediaType(type))) throw new TaxiiError(415, "unsupported media type", `send the envelope as ${TAXII_MEDIA_TYPE}`);
  const text = await c.req.text();
  const problem = jsonProblem(text);
  if (problem) throw new TaxiiError(400, "bad request", problem);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TaxiiError(400, "bad request", "the body is not JSON");
  }
}

/** A TAXII resource as the response, with the TAXII media type. */
export function taxiiJson(c: Context, body: unknown, status: 200 | 202 = 200): Response {
  return c.body(JSON.stringify(body), status, { "Content-Type": TAXII_MEDIA_TYPE });
}

/** An error as a TAXII 2.1 error message: `{title, description, http_status}` as application/taxii+json. */
export function taxiiErrorResponse(c: Context, e: TaxiiError | ApiError): Response {
  const title = e instanceof TaxiiError ? e.title : e.code.replace(/_/g, " ");
  const body = { title, description: e.message, http_status: String(e.status) };
  return c.body(JSON.stringify(body), e.status, { "Content-Type": TAXII_MEDIA_TYPE });
}
