import { foldWidth } from "../../core/width.js";
import { matchesOf } from "../../extract/scan.js";
import { hostOf, scanObservables, type Observable } from "./observables.js";
import { registrableDomain } from "./public-suffixes.js";
import { warninglistHits, type WarninglistHit } from "./warninglists/index.js";
import { platformDomain } from "./warninglists/platforms.js";

/** Whose an observable is: the attacker's, an asset of the organisation that was hit, or neither. */
export type Role = "attacker" | "victim_asset" | "benign";

/** The verdict on one observable, with a one-line English reason. */
export interface Classification {
  role: Role;
  reason: string;
  confidence: number;
}

/** What the classifier knows besides the text. */
export interface ClassifyContext {
  /** The organisation that was hit, as the notice names it. */
  organization?: string | null;
  /** Registrable domains of the organisation; computed from the text and the name when absent. */
  ownDomains?: ReadonlySet<string>;
}

// Labels written right before an observable (matched against the line up to it).
const RECIPIENT = /(?:宛\s?先|送信先|送付先|受信者|受信先|\b(?:To|Cc|Bcc)\s*:)\s*:?[^@\n]{0,12}$/i;
const RECIPIENT_AFTER = /^[\s>]*\(\s*(?:受信者|宛先|お客様|受信された方)/;
const ACTOR = /攻撃者|脅迫|犯人|犯行|身代金|ランサムノート/;
const CONTACT = /(?:お問い?合わせ|問合せ|窓口|連絡先)[^@\n]{0,25}$/;
const PLAIN_SENDER = /(?:差出人|送信元|送信者|発信元|\bFrom\b|表示名)[^@\n]{0,25}$/i;
const HOSTILE_LABEL = /(?:なりすまし|偽|詐称|フィッシング|不審|攻撃者|悪用|乗っ取|不正|迷惑)[^@\n]{0,12}$/;
const NOT_ATTACKER = /(?:正しい|正規|公式|正式|出典|参考|詳細|URL】|ご覧|参照)[^@\n]{0,25}$/;
const OFFICIAL = /正しい|正規|公式|正式/;
// A site word right before the observable, and the words that make it the organisation's own.
const SITE = /(?:ホームページ|ウェブサイト|web\s?サイト|サイト|HP|ページ)[^\n。]{0,12}$/i;
const OWN = /当社|弊社|当院|本学|本校|当校|当店|当館|当協会|当会|本会|当法人|当組合|当機構|当財団|当団体|当センター|当市|本市|当町|本町|当村|当県|本県|自社|社内|公式|正規|正式/;
const NOT_OWN = /偽|不審|なりすま|装|模倣|似せ|酷似|フィッシング|詐称|外部|悪意|攻撃者|不正な/;
const OWN_ASSET = /(?:当社|弊社|当院|本学|当協会|自社|社内)[^\n。]{0,20}$/;
// The organisation's own mail account, named as the one that was abused ("当センターのメールアカウント(…)を踏み台").
const OWN_ACCOUNT = new RegExp(`(?:${OWN.source})の?[^\\n。、]{0,12}(?:メール)?アカウント\\s*[(（:：「]?\\s*$`);
// A textbook dummy name: a run of consecutive letters (abcde@…) or a stock filler word.
const DUMMY = /^(?:abcd[a-z]*|bcde[a-z]*|hoge|fuga|piyo|foo|dummy|sample|example)$/i;

// Sentence, paragraph and heading signals.
const HIJACK = /乗っ取|なりすまし|偽(?:の|サイト|装)|フィッシング|不正(?:アクセス|ログイン|に(?:利用|使用))を受け|不正(?:アクセス|ログイン)により/;
const ATTACK = /ランサムノート|脅迫|身代金|なりすまし|偽|詐称|フィッシング|不審|攻撃|悪用|乗っ取|不正アクセス|不正ログイン|不正使用|マルウ[ェエ]ア|ウ[イィ]ルス|迷惑メール|送信元|差出人/;
const BENIGN = /お問い?合わせ|問合せ|窓口|ご覧|参照|出典|正しい|正規の|以外は|ではありません|ではない|公式サイト|詳細は/;
// ドッペルゲンガー・ドメイン: a typo of a real domain that accepts the mail meant for it.
const LOOKALIKE = /酷似|似せた|類似した|偽の?ドメイン|偽サイト|なりすまし|詐称|フィッシング|ドッペルゲンガー|タイポ/;
// The genuine address a spoofed one is said to differ from ("(○○○@example-group.jp 等)とは異なっている").
const DIFFERS_FROM = /^\s*(?:等|など)?\s*[)）」』]?\s*(?:とは|と)異な/;
const ACCESS = /アクセス|サインイン|ログイン|接続|通信|攻撃/;
const SITE_ATTACKED = /改ざん|改竄|書き換え|不正アクセス|攻撃|侵入|乗っ取|停止|閲覧できな|被害|感染|不正なスクリプト/;
const MALWARE = /マルウ[ェエ]ア|ウ[イィ]ルス|ランサム|検体|不審|悪性|悪意|攻撃|ハッシュ|\bIoCs?\b|侵害|感染|Emotet/i;
const MAIL_HEADER = /差出人|送信元|送信者|\bFrom\s*:|件\s?名\s*:|\bSubject\s*:/i;
const HEADING = /^\s*(?:【[^】]*】|[■□◆◇●▼]|\d+\s*[.)]\s|[・･][^。]{0,20}(?:場合|例)\s*[:：]?\s*$)/;
const HEADING_ATTACK = /フィッシング|なりすまし|不審|偽|迷惑|詐欺|\bIoCs?\b/i;
const HEADING_BENIGN = /お問い?合わせ|問合せ|窓口|連絡先|正規|正しい|公式|参考|出典|関連|通常|本物/;
// A notice with none of these words describes no attack (a mis-sent mail, a lost USB stick).
const HOSTILE = /フィッシング|なりすまし|偽|詐称|不審|攻撃|悪用|乗っ取|不正|迷惑|マルウ[ェエ]ア|ウ[イィ]ルス|ランサム|Emotet|脅迫|詐欺/i;

const LINE_LOOKBACK = 40;
const HEADING_LOOKBACK = 400;
const PARAGRAPH_REACH = 800;

/** The words around an observable that the rules read, width-folded. */
interface Surroundings {
  before: string;
  after: string;
  sentence: string;
  paragraph: string;
  heading: string;
}

/** How far a sentence or a line around an observable is looked for, each way. */
const SENTENCE_REACH = 400;

function surroundings(text: string, o: Observable): Surroundings {
  // The line and the sentence are looked for within a window around the observable, so that a long text
  // without line breaks or 。 is not searched from end to end for every observable.
  const from = Math.max(0, o.start - SENTENCE_REACH);
  const to = Math.min(text.length, o.end + SENTENCE_REACH);
  const before = text.slice(from, o.start);
  const after = text.slice(o.end, to);
  const lineStart = from + before.lastIndexOf("\n") + 1;
  const newline = after.indexOf("\n");
  const lineEnd = newline < 0 ? to : o.end + newline;
  const sStart = Math.max(lineStart, from + before.lastIndexOf("。") + 1);
  const stop = after.indexOf("。");
  const sEnd = stop < 0 || o.end + stop >= lineEnd ? lineEnd : o.end + stop + 1;
  const reach = Math.max(0, o.start - PARAGRAPH_REACH);
  let pStart = reach;
  let pEnd = Math.min(text.length, o.end + PARAGRAPH_REACH);
  for (const m of matchesOf(/\n[ \t\u3000]*(?=\n)/g, text.slice(reach, pEnd))) {
    const at = reach + m.index;
    if (at + m[0].length <= o.start) pStart = at + m[0].length;
    else if (at >= o.end) { pEnd = at; break; }
  }
  const above = text.slice(Math.max(0, o.start - HEADING_LOOKBACK), o.start).split("\n").reverse();
  return {
    before: foldWidth(text.slice(Math.max(lineStart, o.start - LINE_LOOKBACK), o.start)),
    after: foldWidth(text.slice(o.end, o.end + 20)),
    sentence: foldWidth(text.slice(sStart, sEnd)),
    paragraph: foldWidth(text.slice(pStart, pEnd)),
    heading: foldWidth(above.find((l) => HEADING.test(foldWidth(l))) ?? ""),
  };
}

/** ASCII words of an organisation's name (株式会社SignalTech → signaltech), four letters or more. */
function nameWords(organization: string | null | undefined): string[] {
  return (organization ?? "").normalize("NFKC").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
}

// Own domains are those of addresses and sites the text labels as its contact point or official
// site, and those spelling an ASCII word of the organisation's name.
/** The organisation's own registrable domains, as the text and its name reveal them (`observables`: the text's, when already scanned). */
export function ownDomainsOf(text: string, organization?: string | null, observables: readonly Observable[] = scanObservables(text)): Set<string> {
  const own = new Set<string>();
  const words = nameWords(organization);
  for (const o of observables) {
    const host = hostOf(o);
    const domain = host === null ? null : registrableDomain(host);
    if (domain === null || warninglistHits(o).some((h) => h.list === "platforms" || h.list === "free-mail")) continue;
    const { before, heading } = surroundings(text, o);
    const labelled = !NOT_OWN.test(before) && (CONTACT.test(before) || (OWN.test(before) && SITE.test(before)) || OFFICIAL.test(before) || (HEADING_BENIGN.test(heading) && !HEADING_ATTACK.test(heading)));
    if (labelled || words.includes(domain.slice(0, domain.indexOf(".")).replace(/-/g, ""))) own.add(domain);
  }
  return own;
}

const verdict = (role: Role, reason: string, confidence: number): Classification => ({ role, reason, confidence });

function classifyIp(o: Observable, s: Surroundings, hits: WarninglistHit[]): Classification {
  if (hits.some((h) => h.list === "private-ip")) {
    return SITE_ATTACKED.test(s.sentence)
      ? verdict("victim_asset", "Internal address of the organisation's network, named as attacked", 0.6)
      : verdict("benign", "Internal address of the organisation's network", 0.6);
  }
  if (OWN_ASSET.test(s.before)) return verdict("victim_asset", "Address of the organisation's own equipment", 0.7);
  if (ACCESS.test(s.sentence + s.paragraph) && !BENIGN.test(s.sentence)) return verdict("attacker", "IP address in a passage about access, connections or an attack", 0.75);
  return verdict("benign", "IP address without an attack context", 0.5);
}

/** Decide whether an observable of `text` is the attacker's, an asset of the organisation, or neither. */
export function classifyObservable(o: Observable, text: string, ctx: ClassifyContext): Classification {
  const hits = warninglistHits(o);
  const on = (list: string) => hits.some((h) => h.list === list);
  const s = surroundings(text, o);
  const host = hostOf(o);
  const ip = o.kind === "ipv4" || o.kind === "ipv6";

  if (on("reserved") && !ip) return verdict("benign", "Placeholder name reserved for examples, not an observation", 0.9);
  if (o.kind === "email" && DUMMY.test(o.value.slice(0, o.value.lastIndexOf("@")))) return verdict("benign", "Dummy name of an illustrative address, not an observation", 0.8);
  if (RECIPIENT.test(s.before) || RECIPIENT_AFTER.test(s.after)) return verdict("benign", "Labelled as a recipient, not as the sender", 0.9);
  if (DIFFERS_FROM.test(s.after)) return verdict("benign", "The genuine address a spoofed one is said to differ from", 0.8);
  if (o.kind === "email" && OWN_ACCOUNT.test(s.before)) return verdict("victim_asset", "The organisation's own mail account, named as the one abused", 0.8);
  if (o.defanged) return verdict("attacker", "Written defanged, as authors do only with malicious addresses", 0.9);
  if (ip) return classifyIp(o, s, hits);
  if (ACTOR.test(s.before)) return verdict("attacker", "Given as the attacker's contact (ransom note or threat)", 0.9);
  if (CONTACT.test(s.before)) return verdict("benign", "Labelled as a contact point of the organisation", 0.85);
  if (host === null) {
    return MALWARE.test(s.sentence + s.heading + s.paragraph)
      ? verdict("attacker", "File hash in a passage about malware or suspicious files", 0.7)
      : verdict("benign", "Hash without a malware context", 0.5);
  }

  const onPlatform = platformDomain(host) !== null;
  const ownLabel = OWN.test(s.before) && SITE.test(s.before) && !NOT_OWN.test(s.before);
  const ownDomain = () => (ctx.ownDomains ?? ownDomainsOf(text, ctx.organization)).has(registrableDomain(host) ?? "");
  if (o.kind === "url" && !onPlatform && (ownLabel || ownDomain())) {
    return SITE_ATTACKED.test(s.sentence)
      ? verdict("victim_asset", "The organisation's own site, named as the one attacked", 0.8)
      : verdict("benign", "The organisation's own site", 0.75);
  }

  const plainSender = PLAIN_SENDER.test(s.before);
  const known = hits.find((h) => h.list === "government" || h.list === "platforms" || (h.list === "free-mail" && o.kind !== "email"));
  if (known && !(o.kind === "email" && plainSender)) return verdict("benign", `On the ${known.list} warninglist (${known.reason}); identifies no attacker`, 0.8);

  if (o.kind === "domain") {
    return (LOOKALIKE.test(s.sentence) || (HEADING_ATTACK.test(s.heading) && s.sentence.trim().length <= o.text.length + 4)) && !OFFICIAL.test(s.before)
      ? verdict("attacker", "Domain the notice calls a lookalike or fake", 0.75)
      : verdict("benign", "Domain mentioned without being called fake", 0.6);
  }
  const genuineHeading = HEADING_BENIGN.test(s.heading) && !HEADING_ATTACK.test(s.heading);
  if (plainSender && genuineHeading) return verdict("benign", "Sender listed under a heading for genuine senders", 0.7);
  if (plainSender) {
    return HOSTILE.test(foldWidth(text))
      ? verdict("attacker", "Shown as the sender of a hostile mail (spoofed or hijacked)", 0.85)
      : verdict("benign", "Sender of a mail in a notice that describes no attack", 0.6);
  }
  if (HOSTILE_LABEL.test(s.before)) return verdict("attacker", "Labelled as fake, suspicious or abused", 0.85);
  if (HIJACK.test(s.sentence)) {
    return onPlatform && o.kind === "url"
      ? verdict("attacker", "Account page on a platform that its sentence says was taken over", 0.8)
      : verdict("attacker", "Its sentence says it was hijacked or faked", 0.75);
  }
  if (NOT_ATTACKER.test(s.before) || BENIGN.test(s.sentence)) return verdict("benign", "Labelled or phrased as genuine, a source or a reference", 0.7);
  if (genuineHeading) return verdict("benign", "Listed under a heading for contact points or genuine sites", 0.7);
  if (ATTACK.test(s.sentence)) return verdict("attacker", "Its sentence speaks of an attack, a fake or a spoofed sender", 0.65);
  if (HEADING_ATTACK.test(s.heading)) return verdict("attacker", "Listed under a heading about phishing or suspicious mail", 0.6);
  if (MAIL_HEADER.test(s.paragraph) && HOSTILE.test(s.paragraph)) return verdict("attacker", "Part of a quoted hostile mail (sender or subject lines around it)", 0.6);
  return verdict("benign", "No attacker context around it", 0.5);
}
