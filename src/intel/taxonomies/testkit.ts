// Shared helpers for the taxonomy tests (no tests of its own). The build leaves testkit.ts files out (tsconfig.build.json).
import type { Notice } from "../../core/types.js";
import { extractIncident } from "../../extract/index.js";
import { NoticeText } from "./evidence.js";
import type { NoticeInput, Tag, TaxonomyName } from "./tag.js";

/**
 * Run the real extractor over a fictional notice (the whole `text`, first line as title) and return
 * what `tagNotice` receives. `prefix` is put before the notice in the source to test span offsets.
 */
export function inputOf(text: string, prefix = ""): NoticeInput {
  const source = prefix + text;
  const start = prefix.length;
  const titleEnd = start + (text.indexOf("\n") < 0 ? text.length : text.indexOf("\n"));
  const notice: Notice = {
    index: 0, title: source.slice(start, titleEnd), span: [start, source.length], titleSpan: [start, titleEnd],
    kind: "incident_notice", isIncident: true, reason: "fixture", listingDate: null, category: null, publisher: null, incident: null,
  };
  const draft = extractIncident(source, notice);
  return { fields: draft.fields, findings: draft.findings, source, span: [start, source.length] };
}

/** The notice text of a fictional notice, ready for one taxonomy's tagger. */
export function noticeOf(text: string, prefix = ""): NoticeText {
  return new NoticeText(inputOf(text, prefix));
}

/** The values of the tags of one taxonomy. */
export function valuesOf(tags: readonly Tag[], taxonomy?: TaxonomyName): string[] {
  return tags.filter((t) => !taxonomy || t.taxonomy === taxonomy).map((t) => t.value);
}

/** The source words a tag's span covers ("" when it has no span). */
export function wordsOf(input: NoticeInput, tag: Tag | undefined): string {
  return tag?.span ? input.source.slice(tag.span[0], tag.span[1]) : "";
}
