import type { FieldValues } from "./fields.js";

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

/** The kinds of post a notice can be; only some kinds are incidents. */
export const NOTICE_KINDS = [
  "incident_notice", "news_entry", "regulator_action", "advisory", "tool_intro", "conference_notes", "unrelated",
] as const;
/** What kind of post a notice is. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The extraction vocabulary of incident types. */
export const INCIDENT_TYPES = [
  "ransomware", "unauthorized_access", "web_skimming", "phishing", "account_takeover",
  "credential_stuffing", "malware", "misdelivery", "misconfiguration", "loss", "theft", "insider",
  "ddos", "defacement", "support_scam", "system_failure", "regulatory_action", "other",
] as const;
/** One incident type. */
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** The extraction vocabulary of leaked data types. */
export const DATA_TYPES = [
  "name", "name_kana", "address", "postal_code", "birthdate", "gender", "phone", "email",
  "credit_card_number", "card_expiry", "security_code", "cardholder_name", "login_id", "password",
  "bank_account", "health", "my_number", "occupation", "education_history", "company_name",
  "member_id", "free_text", "other",
  "personal_info", "credit_card_info", "email_content", "business_info", "age", "photo", "insurance_number",
  "points_balance",
] as const;
/** One data type. */
export type DataType = (typeof DATA_TYPES)[number];

/** Whom the organisation reported to. */
export const REPORTED_TO = ["ppc", "police", "ministry", "pmark", "other"] as const;
/** One report recipient. */
export type ReportedTo = (typeof REPORTED_TO)[number];

/** The sector vocabulary. */
export const SECTORS = [
  "medical", "education", "government", "retail_ec", "manufacturing", "finance", "media",
  "it_service", "logistics", "health_insurance", "association", "leisure", "real_estate", "telecom",
  "other",
] as const;
/** One sector. */
export type Sector = (typeof SECTORS)[number];

/** Where an incident can stand according to its notice. */
export const STATUSES = ["investigating", "resolved", "unknown"] as const;
/** Where the incident stands according to the notice. */
export type Status = (typeof STATUSES)[number];

/** A count of affected people or records with the phrase it was read from. */
export interface Count {
  value: number;
  text: string;
  /** 約 / 最大 / 以上 / 可能性 qualifiers found around the number. */
  qualifiers: string[];
}

/** A stated cause: the words of the notice and a category. */
export interface Cause {
  text: string;
  category: CauseCategory;
}

/** Cause categories (finer than TSR's tally; mapped onto it by the taxonomy). */
export const CAUSE_CATEGORIES = [
  "vulnerability", "misconfiguration", "credential", "malware", "phishing", "insider",
  "human_error", "loss", "theft", "vendor", "hardware", "unknown",
] as const;
/** One cause category. */
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/** A period during which data was exposed or the attack lasted. */
export interface Period {
  from: string | null;
  to: string | null;
}

/** The structured fields of an incident, named as in the gold annotations: one per row of `FIELDS`. */
export type IncidentFields = FieldValues;

/** The name of an incident field. */
export type Field = keyof IncidentFields;

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
