import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error a TAXII endpoint reports as a TAXII error message with its own HTTP status. */
export class TaxiiError extends Error {
  override name = "TaxiiError";
  constructor(readonly status: ContentfulStatusCode, readonly title: string, description: string) {
    super(description);
  }
}

/** True for the paths TAXII serves, whose errors are TAXII error messages. */
export function isTaxiiPath(path: string): boolean {
  return path === "/taxii2" || path.startsWith("/taxii2/");
}
