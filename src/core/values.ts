// The vocabularies of the incident fields and the shapes of their values: what the field table
// (fields.ts) is made of. core/types.ts re-exports them beside the types derived from the table.

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
