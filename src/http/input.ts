import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { ApiError } from "./errors.js";

/** The deepest nesting of arrays and objects a JSON body may have (STIX objects need a handful of levels). */
export const MAX_JSON_DEPTH = 100;

/**
 * What makes a JSON text unfit to pass on, or null: nesting deeper than MAX_JSON_DEPTH (which would
 * exhaust the stack of whatever walks it), or a NUL character (which PostgreSQL cannot store). One pass
 * over the text, without recursion; the text need not be valid JSON (the parser says so later).
 */
export function jsonProblem(text: string): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0) return "the JSON holds a NUL character";
    if (inString) {
      if (ch === 0x5c) { // backslash: an escape, which may be \u0000
        if (text.startsWith("u0000", i + 1)) return "the JSON holds a NUL character (\\u0000)";
        i++;
      } else if (ch === 0x22) {
        inString = false;
      }
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return `the JSON is nested deeper than ${MAX_JSON_DEPTH} levels`;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return null;
}

/** 400 for a request whose URL holds a NUL character (%00): no path segment or query parameter may. */
export const refuseNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (/%00/i.test(c.req.url)) throw new ApiError("bad_request", "the request URL holds a NUL character (%00), which no parameter may contain");
  await next();
};

/** 400 for a JSON body nested too deeply or holding a NUL character, before any handler parses it. */
export const checkJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (/json/i.test(c.req.header("content-type") ?? "")) {
    const problem = jsonProblem(await c.req.text());
    if (problem) throw new ApiError("bad_request", problem);
  }
  await next();
};
