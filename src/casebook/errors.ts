/** Raised when an id names no incident (or notice). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Raised when a request contradicts the casebook's state (splitting a single-source incident). */
export class ConflictError extends Error {
  override name = "ConflictError";
}
