import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.js";
import { ApiError, summariseIssues, type ErrorCode } from "./errors.js";
import { ErrorBody } from "./schemas.js";

/** A router whose validation failures are 400 `bad_request` errors with the zod issues summarised. */
export function newApi(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError("bad_request", summariseIssues(result.error, result.target));
    },
  });
}

const DESCRIPTIONS = {
  400: ["bad_request", "bad input: malformed JSON, wrong types, unknown fields, bad ids"],
  401: ["unauthorized", "no credentials (where anonymous reading is off) or bad credentials"],
  403: ["forbidden", "the user's role or clearance does not allow this"],
  404: ["not_found", "no such thing, or not visible at the reader's TLP clearance"],
  409: ["conflict", "contradicts the casebook's state"],
  413: ["payload_too_large", "the body is larger than the limit"],
  415: ["unsupported_media_type", "the body's media type is not accepted here"],
} as const satisfies Record<number, readonly [ErrorCode, string]>;

/** An error status a route can document. */
export type ErrorStatus = keyof typeof DESCRIPTIONS;

/** The OpenAPI entry of one error response. */
interface ErrorResponse {
  description: string;
  content: { "application/json": { schema: typeof ErrorBody } };
}

/** OpenAPI entries for the error responses a route can give. */
export function errors<const S extends ErrorStatus[]>(...statuses: S): { [K in S[number]]: ErrorResponse } {
  return Object.fromEntries(statuses.map((s) => [s, {
    description: `${DESCRIPTIONS[s][0]}: ${DESCRIPTIONS[s][1]}`,
    content: { "application/json": { schema: ErrorBody } },
  }])) as { [K in S[number]]: ErrorResponse };
}

/** An OpenAPI JSON response entry. */
export function json<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}
