import type { Field, FieldValues } from "./fields.js";
import type { CauseCategory, DataType, IncidentType, NoticeKind, Sector } from "./values.js";

/** A half-open range `[start, end)` of UTF-16 offsets into a casefile's decoded text. */
export type Span = readonly [start: number, end: number];

/** The pipeline stages, in the order data travels through them. */
export type Stage = "ingest" | "decode" | "format" | "segment" | "extract" | "correlate" | "store";

/** A diagnostic attached to a document: never thrown across a batch, always kept. */
export interface Message {
  stage: Stage;
  severity: "info" | "warning" | "error";
  code: string;
  text: string;
  span?: Span;
}

/** What was fetched: the original bytes and how they were obtained. */
export interface SourceDocument {
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes`: the document's identity in the archive. */
  sha256: string;
  /** File path, URL, `stdin`, or `FEED_URL#ITEM` for a feed item. */
  source: string;
  /** Detected media type (text/plain, text/html, application/pdf, application/xml…). */
  mediaType: string;
  /** ISO time the bytes were read. */
  fetchedAt: string;
  /** Charset declared by the transport (HTTP header), if any. */
  declaredCharset?: string;
  /** Title given by the container (feed item title, HTML <title>). */
  title?: string;
  /** Publication date given by the container (feed item date), `YYYY-MM-DD`. */
  published?: string;
  /** SHA-256 of the document this one was carved out of (the feed for an item). */
  parent?: string;
}

export * from "./values.js";

/** The structured fields of an incident, named as in the gold annotations: one per row of `FIELDS`. */
export type IncidentFields = FieldValues;

export type { Field };

/** One extracted value with the exact words it came from. */
export interface Finding {
  field: Field;
  /** The value this evidence supports (a vocabulary term, a date, a number, a name…). */
  value: unknown;
  /** Offsets into the casefile's decoded text. */
  span: Span;
  /** `text.slice(span[0], span[1])` of the decoded text. */
  text: string;
  confidence: number;
  /** Id of the rule that produced it, e.g. `affected_count/headline`. */
  rule: string;
}

/** The taxonomies an incident is tagged with, in the order the tagger emits them. */
export const TAXONOMY_NAMES = [
  "incident_type", "tsr_cause", "tsr_medium", "sector", "attack",
  "veris_action", "veris_asset", "veris_attribute", "tlp", "basics",
] as const;
/** The name of one taxonomy. */
export type TaxonomyName = (typeof TAXONOMY_NAMES)[number];

/** A name in Japanese and English. */
export interface Label {
  ja: string;
  en: string;
}

/** One taxonomy tag on an incident, with why it applies and, when the text supports it, where. */
export interface Tag {
  taxonomy: TaxonomyName;
  /** Machine value: "T1486", "malware.ransomware", "clean_up_what_you_use", "CLEAR", "ウイルス感染・不正アクセス"… */
  value: string;
  label: Label;
  /** One line for the analyst, in English. */
  reason: string;
  /** Offsets into the decoded text of the words that justify it, when there are such words. */
  span?: [number, number];
  /** In [0, 1]. */
  confidence: number;
}

/** An incident as one notice states it: fields plus the evidence behind each. */
export interface IncidentDraft {
  fields: IncidentFields;
  findings: Finding[];
  /** Confidence per filled field, in [0, 1]. */
  confidence: Partial<Record<Field, number>>;
  /** Taxonomy tags (TSR, ATT&CK, VERIS, TLP, basics…) with their reasons. */
  tags: Tag[];
}

/** One post inside a document, with its verdict. */
export interface Notice {
  index: number;
  title: string;
  span: Span;
  titleSpan: Span;
  kind: NoticeKind;
  isIncident: boolean;
  /** Why the classifier decided so, for the analyst. */
  reason: string;
  /** Date the container gives the post (listing date, heading date, feed date), `YYYY-MM-DD`. */
  listingDate: string | null;
  /** A label the container gives the post (news category such as 不正アクセス), if any. */
  category: string | null;
  /** The month the page's header names (a monthly report, 「サイバー攻撃レポート - 2023年11月」), `YYYY-MM`: the year of the dates its posts write without one. */
  pageMonth?: string;
  /** The organisation whose page this is, when the page header names one, with its span. */
  publisher: { name: string; span: Span } | null;
  /** For one of several cases a notice numbers: the notice's own text above them, which says whose cases they are. */
  context?: Span;
  /** For one of several organisations a roundup names as hit: the name that says whose incident this is. */
  victim?: {
    name: string;
    span: Span;
    /** The roundup's opening text, before its first victim: what it says happened to them all (今月も不正アクセスの報告が相次いだ). */
    lead?: Span;
  };
  incident: IncidentDraft | null;
}

/** The carrier that travels through every stage (a vfile for notices). */
export interface Casefile {
  doc: SourceDocument;
  /** Charset the bytes were decoded with (utf-8, shift_jis, euc-jp, iso-2022-jp), or null. */
  charset: string | null;
  /** Decoded text; every span in the casefile indexes into it. */
  text: string;
  messages: Message[];
  notices: Notice[];
  /** The site or publisher the document's metadata names (og:site_name, a feed item's author), where the text holds it. */
  site?: { name: string; span: Span };
}

/**
 * A stored document analysed again: its new casefile with the digest of that analysis, or, when the
 * digest equals the stored one, only how many notices it still holds.
 */
export type Reanalysis =
  | { kind: "changed"; casefile: Casefile; digest: string }
  | { kind: "same"; sha256: string; notices: number };
