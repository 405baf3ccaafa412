import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { ForbiddenError } from "../casebook/authorize.js";
import { CorrectionError } from "../core/corrections.js";
import { ConflictError, NotFoundError } from "../store/types.js";

/** The error codes every API error carries. */
export const ERROR_CODES = [
  "not_found", "bad_request", "unauthorized", "forbidden", "conflict", "unsupported_media_type", "payload_too_large", "internal",
] as const;
/** One error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, unsupported_media_type: 415, internal: 500,
};

/** An error the API reports as `{"error": {"code", "message"}}` with the code's HTTP status. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }

  /** The HTTP status of this error. */
  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

function codeOfStatus(status: number): ErrorCode {
  const code = (Object.keys(STATUS) as ErrorCode[]).find((k) => STATUS[k] === status);
  return code ?? (status >= 400 && status < 500 ? "bad_request" : "internal");
}

/** Any thrown value as an API error: store and correction errors keep their meaning, anything unexpected is `internal`. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof NotFoundError) return new ApiError("not_found", err.message);
  if (err instanceof ConflictError) return new ApiError("conflict", err.message);
  if (err instanceof ForbiddenError) return new ApiError("forbidden", err.message);
  if (err instanceof CorrectionError) return new ApiError("bad_request", err.message);
  if (err instanceof HTTPException) {
    const code = codeOfStatus(err.status);
    return new ApiError(code, code === "internal" ? "internal error" : err.message || code.replace(/_/g, " "));
  }
  return new ApiError("internal", "internal error");
}

/** A zod failure as one line: the first few issues with where they are. */
export function summariseIssues(error: ZodError, target: string): string {
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message));
  const more = error.issues.length - parts.length;
  return `invalid ${target}: ${parts.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`;
}
