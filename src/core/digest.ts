import { sha256 } from "./document.js";
import type { Casefile } from "./types.js";

/** A digest of everything the analysis of a casefile produced, to skip unchanged re-extractions. */
export function analysisDigest(cf: Casefile): string {
  return sha256(JSON.stringify([cf.text, cf.charset, cf.messages, cf.notices]));
}
