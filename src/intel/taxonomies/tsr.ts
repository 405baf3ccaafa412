import type { CauseCategory, IncidentType } from "../../core/types.js";
import { matchesOf } from "../../extract/scan.js";
import type { Evidence, NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** Causes in Tokyo Shoko Research's yearly tally of listed companies' personal-information incidents. */
export const TSR_CAUSES = ["ウイルス感染・不正アクセス", "不正持ち出し・盗難", "紛失・誤廃棄", "誤表示・誤送信", "その他"] as const;
/** One TSR cause. */
export type TsrCause = (typeof TSR_CAUSES)[number];

/** Media (where the data was) in the same tally. */
export const TSR_MEDIA = ["社内システム・サーバー", "パソコン・携帯端末", "USB等記録媒体", "書類", "その他"] as const;
/** One TSR medium. */
export type TsrMedium = (typeof TSR_MEDIA)[number];

/** Japanese (the tally's own words) and English labels of the TSR causes. */
export const TSR_CAUSE_LABELS: Readonly<Record<TsrCause, Label>> = {
  "ウイルス感染・不正アクセス": { ja: "ウイルス感染・不正アクセス", en: "Virus infection / unauthorized access" },
  "不正持ち出し・盗難": { ja: "不正持ち出し・盗難", en: "Unauthorized removal / theft" },
  "紛失・誤廃棄": { ja: "紛失・誤廃棄", en: "Loss / mistaken disposal" },
  "誤表示・誤送信": { ja: "誤表示・誤送信", en: "Wrong display / misdelivery" },
  "その他": { ja: "その他", en: "Other" },
};

/** Japanese and English labels of the TSR media. */
export const TSR_MEDIUM_LABELS: Readonly<Record<TsrMedium, Label>> = {
  "社内システム・サーバー": { ja: "社内システム・サーバー", en: "Internal system / server" },
  "パソコン・携帯端末": { ja: "パソコン・携帯端末", en: "PC / mobile device" },
  "USB等記録媒体": { ja: "USB等記録媒体", en: "USB stick or other storage media" },
  "書類": { ja: "書類", en: "Paper documents" },
  "その他": { ja: "その他", en: "Other" },
};

const ATTACK_TYPES: readonly IncidentType[] = [
  "ransomware", "unauthorized_access", "malware", "phishing", "web_skimming", "account_takeover",
  "credential_stuffing", "support_scam", "ddos", "defacement",
];
const CAUSE_OF_TYPE: Partial<Record<IncidentType, TsrCause>> = {
  insider: "不正持ち出し・盗難",
  theft: "不正持ち出し・盗難",
  loss: "紛失・誤廃棄",
  misdelivery: "誤表示・誤送信",
};
const CAUSE_OF_CATEGORY: Partial<Record<CauseCategory, TsrCause>> = {
  vulnerability: "ウイルス感染・不正アクセス", credential: "ウイルス感染・不正アクセス", malware: "ウイルス感染・不正アクセス",
  phishing: "ウイルス感染・不正アクセス", insider: "不正持ち出し・盗難", theft: "不正持ち出し・盗難", loss: "紛失・誤廃棄",
  human_error: "誤表示・誤送信",
};
// Data shown to people who should not see it: what turns a misconfiguration or a slip into 誤表示.
const DISPLAYED = /表示|閲覧(?:でき|可能|され)|見られる状態|公開(?:され|状態)|誤掲載|誤公開|誤提供|誤送|誤配/;
// An erroneous act that put data before the wrong people: what makes an "other" incident 誤表示.
const ERRONEOUS = /誤表示|誤掲載|誤公開|誤提供|誤送|誤配|誤交付|誤記載/;
const DISPOSED = /誤廃棄|誤って廃棄|廃棄して(?:しま)?っ/;

interface CauseCandidate {
  cause: TsrCause;
  why: string;
  ev: Evidence | null;
  confidence: number;
}

/** Candidate causes from the incident types, each with the extractor's words for it. */
function causesFromTypes(nt: NoticeText): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  for (const type of nt.input.fields.incident_types) {
    const ev = nt.finding("incident_types", type);
    const cause = ATTACK_TYPES.includes(type) ? "ウイルス感染・不正アクセス" : CAUSE_OF_TYPE[type];
    if (cause) out.push({ cause, why: type.replace(/_/g, " "), ev, confidence: 0.85 });
    else if (type === "misconfiguration" || type === "other") {
      const shown = nt.find(type === "other" ? ERRONEOUS : DISPLAYED);
      if (shown) out.push({ cause: "誤表示・誤送信", why: `${type} that showed or sent data to others`, ev: shown, confidence: 0.75 });
    }
  }
  const disposed = nt.find(DISPOSED);
  if (disposed) out.push({ cause: "紛失・誤廃棄", why: "mistaken disposal", ev: disposed, confidence: 0.8 });
  return out;
}

/** The dominant cause: the one the title names, then the tally's order (attacks first). */
function dominantCause(cands: readonly CauseCandidate[]): CauseCandidate | undefined {
  const rank = (c: CauseCandidate) => (c.ev?.inTitle ? 0 : TSR_CAUSES.length) + TSR_CAUSES.indexOf(c.cause);
  return [...cands].sort((a, b) => rank(a) - rank(b))[0];
}

/** Exactly one TSR cause tag: the dominant cause the types, the stated cause or the words support. */
export function tsrCauseTag(nt: NoticeText): Tag {
  const cands = causesFromTypes(nt);
  const stated = nt.input.fields.cause;
  const byCategory = stated ? CAUSE_OF_CATEGORY[stated.category] : undefined;
  if (cands.length === 0 && stated && byCategory) {
    cands.push({ cause: byCategory, why: `stated cause (${stated.category.replace(/_/g, " ")})`, ev: nt.finding("cause", stated.category), confidence: 0.6 });
  }
  const top = dominantCause(cands);
  if (!top) {
    const types = nt.input.fields.incident_types;
    const why = types.length ? `${types.join(", ")} fall outside the tally's named causes` : "the notice does not say what happened";
    return makeTag("tsr_cause", "その他", TSR_CAUSE_LABELS["その他"], why, types.length ? 0.6 : 0.3);
  }
  const others = [...new Set(cands.map((c) => c.cause).filter((c) => c !== top.cause))];
  const over = others.length ? `, chosen over ${others.map((c) => TSR_CAUSE_LABELS[c].en).join(", ")}${top.ev?.inTitle ? " as the title names it" : ""}` : "";
  const words = top.ev ? ` ${quote(top.ev.text)}` : "";
  return makeTag("tsr_cause", top.cause, TSR_CAUSE_LABELS[top.cause], `${top.why}${words} → ${TSR_CAUSE_LABELS[top.cause].en}${over}`, top.confidence, top.ev?.span);
}

/** Words that name where the data was, per medium, most specific first. */
const MEDIUM_WORDS: readonly (readonly [TsrMedium, RegExp])[] = [
  ["USB等記録媒体", /USBメモリ|USB|SDカード|DVD|CD-?R(?:OM)?|HDD|ハードディスク|記録媒体|記憶媒体|外部媒体|磁気テープ/],
  ["パソコン・携帯端末", /パソコン|(?<![A-Za-z])PC(?![A-Za-z])|スマートフォン|スマホ|タブレット|携帯電話|携帯端末/],
  ["書類", /書類|(?<![手])紙|名簿|FAX|ファックス|ファクス|郵便|郵送|封筒|はがき|ハガキ|帳票|伝票|申込書|答案/],
  ["社内システム・サーバー", /サーバー?|システム|サイト|クラウド|データベース|ホームページ|ウェブ|Web|WEB|フォーム/],
];
// What happened to the data: the medium named just before one of these is where it was.
const LEAK_VERB = /流出|漏え?い|漏洩|紛失|盗|持ち出|誤送|誤配|廃棄|暗号化され|感染|不正アクセス|侵入|改ざん|置き忘れ|所在不明|閲覧|表示|保存|転売|アップロード/g;
const LEAK_VERB_ONE = new RegExp(LEAK_VERB.source);
// A medium the data came from: "業務用パソコンから…アップロード".
const FROM = /^(?:内|上|等|など)?(?:の[^。、\n]{0,6})?から/;
// Incident types that say the data sat in a system, or on a PC.
const SYSTEM_TYPES: readonly IncidentType[] = ["ransomware", "unauthorized_access", "web_skimming", "defacement", "ddos", "credential_stuffing"];
const DEVICE_TYPES: readonly IncidentType[] = ["support_scam", "malware"];

interface MediumCandidate {
  medium: TsrMedium;
  score: number;
  ev: Evidence | null;
  why: string;
}

interface MediumHit {
  medium: TsrMedium;
  ev: Evidence;
}

/** Score each medium: named in the title, named right before a leak verb, or implied by the incident types. */
function scoreMedia(nt: NoticeText): MediumCandidate[] {
  const cands = new Map<TsrMedium, MediumCandidate>();
  const add = (medium: TsrMedium, score: number, ev: Evidence | null, why: string) => {
    const cur = cands.get(medium);
    if (!cur) cands.set(medium, { medium, score, ev, why });
    else {
      cur.score += score;
      if (!cur.ev && ev) Object.assign(cur, { ev, why });
    }
  };
  const named: MediumHit[] = MEDIUM_WORDS.flatMap(([medium, re]) => nt.findAll(re).map((ev) => ({ medium, ev })));
  for (const [medium] of MEDIUM_WORDS) {
    const inTitle = named.find((h) => h.medium === medium && h.ev.inTitle);
    if (inTitle) add(medium, 3, inTitle.ev, "named in the title");
  }
  const credited = new Set<MediumHit>();
  for (const verb of matchesOf(LEAK_VERB, nt.text)) {
    for (const h of mediaBefore(nt, named, verb.index)) {
      if (credited.has(h)) continue;
      credited.add(h);
      add(h.medium, 2, h.ev, `named where the data was (${quote(verb[0])})`);
    }
  }
  for (const h of named) {
    if (!credited.has(h) && FROM.test(nt.text.slice(h.ev.end, h.ev.end + 12)) && LEAK_VERB_ONE.test(nt.sentenceAt(h.ev.at)?.text ?? "")) {
      add(h.medium, 2, h.ev, "named as where the data came from");
    }
  }
  const types = nt.input.fields.incident_types;
  const sys = types.find((t) => SYSTEM_TYPES.includes(t));
  if (sys) add("社内システム・サーバー", 1.5, null, `${sys.replace(/_/g, " ")} hits systems`);
  const dev = types.find((t) => DEVICE_TYPES.includes(t));
  if (dev) add("パソコン・携帯端末", 1, null, `${dev.replace(/_/g, " ")} hits a device`);
  return [...cands.values()];
}

// What joins two media of one list: "サーバー及びデスクトップPC", "USBメモリや書類".
const LISTED = /^(?:及び|および|並びに|又は|または|や|と|、|・)[^。、\n]{0,8}$/;

/** The media named closest before `at` (within 25 characters of its sentence), with any listed just before it ("サーバー及びPC"). */
function mediaBefore(nt: NoticeText, named: readonly MediumHit[], at: number): MediumHit[] {
  const s = nt.sentenceAt(at);
  if (!s) return [];
  const from = Math.max(s.start, at - 25);
  const before = named.filter((h) => h.ev.at >= from && h.ev.at < at).sort((a, b) => b.ev.at - a.ev.at);
  const nearest = before[0];
  if (!nearest) return [];
  const listed = named.filter((h) => h.ev.end <= nearest.ev.at && h.ev.at >= s.start && LISTED.test(nt.text.slice(h.ev.end, nearest.ev.at)));
  return [nearest, ...listed];
}

/** Exactly one TSR medium tag: the medium the notice names for the data, or the one its types imply. */
export function tsrMediumTag(nt: NoticeText): Tag {
  const cands = scoreMedia(nt).sort((a, b) => b.score - a.score || (a.ev?.at ?? Infinity) - (b.ev?.at ?? Infinity));
  const top = cands[0];
  if (!top) return makeTag("tsr_medium", "その他", TSR_MEDIUM_LABELS["その他"], "the notice names no system, device, medium or paper", 0.3);
  const runner = cands[1];
  const over = runner ? `, over ${TSR_MEDIUM_LABELS[runner.medium].en}` : "";
  const words = top.ev ? `${quote(top.ev.text)} ` : "";
  const confidence = Math.min(0.9, 0.45 + 0.08 * top.score - (runner ? 0.05 * runner.score : 0));
  return makeTag("tsr_medium", top.medium, TSR_MEDIUM_LABELS[top.medium], `${words}${top.why} → ${TSR_MEDIUM_LABELS[top.medium].en}${over}`, Math.max(0.3, confidence), top.ev?.span);
}
