import type { Finding, IncidentType } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, negated } from "../scan.js";
import { sentenceAt } from "../normalize/sentences.js";
import { INCIDENT_TYPE_PHRASES } from "../../core/vocab/incident-types.js";

const ATTACKS: IncidentType[] = ["ransomware", "unauthorized_access", "malware", "web_skimming", "account_takeover", "phishing", "ddos", "defacement", "credential_stuffing", "support_scam"];
// Advice to readers mentions attack words without saying they happened.
// So do explanations of how such attacks usually go ("多くの場合…手口が良く使われます").
const ADVICE = /ご注意|ください|下さい|お願い(?:いた)?(?:します|申し上げ)|場合は|場合には|注意喚起(?!のお知らせ)|対策(?:の|を)?(?:強化|徹底|実施)|多くの場合|一般的に|手口が|よく使われ|良く使われ/;
// …unless the sentence reports an event ("…を受けました", not "受信された場合").
// The verb ends a clause: "添付されたファイル" describes a thing, it does not report an event.
const HAPPENED = /(?:受け|され|(?:発生|判明|確認|発覚)(?:し|いたし|致し))(?:まし)?た(?=[。、]|$|こと|ため|ので|が[、。]|旨|と(?:みられ|見られ|考えられ|思われ|推測|推定))/;
// What the organisation does to prevent an attack ("不正アクセスを防止"), not an attack that happened.
const PREVENTED = /^\s*(?:を|の)?(?:防止|防ぐ|防ぎ|未然に|予防|抑止)/;
// What could happen to a reader ("開封すると感染の危険があります"): a risk, not an event.
const RISK = /危険(?:性)?が(?:あり|ある|高)|リスクが(?:あり|ある)|恐れがあり|おそれがあり|可能性が(?:あり|ある)/;
// Harm that may follow a leak ("悪用したフィッシングメールが届く可能性があります"): a warning, not what happened.
const SECONDARY = /(?:悪用|二次被害|今後|届く|送られ|送付され|かかってくる|便乗)[^。]*(?:可能性|おそれ|恐れ|考えられ)/;
const CONDITION = /(?:場合(?:は|には|に)?|(?:する|開く|開封する|クリックする|接続する|アクセスする)と)[、,]?[^。]{0,40}$/;
// A warning about mails that carries a sample of one: the organisation reports a phishing run.
const MAIL_WARNING_TITLE = /(?:不審|迷惑|なりすまし|詐欺|偽|フィッシング)(?:な)?メール/;
const MAIL_SAMPLE = /(?:送信|受信)?メールの(?:一)?例|文面例|メールの例|サンプル|(?:差出人|送信元|件名)\s?[:：]/;

// The wrongly provided data travelled by post, mail or fax.
const SENT = /郵送|送付|発送|送信|FAX|ファクス|レターパック/;
// Ransomware that came in through a remote-access door (not just "外部からの攻撃").
const REMOTE_ENTRY = /リモートデスクトップ|RDP|VPN|再侵入/;

// What a regulator does; a page classified as a regulator's must say one (処分 alone may be a disposal).
const REGULATOR_ACTION = /勧告|指導|命令|行政処分|立入|業務改善|行政上の対応/;
// Words that say something went wrong, for a notice whose words name no type.
const SOMETHING_WRONG = /漏えい|漏洩|流出|お詫び|おわび|事案|被害|不適切|誤って|謝罪/;

// A flood the organisation's own hijacked machine sent out ("DDoS攻撃を行っていた"), not one it suffered.
const LAUNCHED = /^[^。、]{0,4}を(?:行|仕掛|実行)/;
// Card data leaked from a shop whose pages were tampered with: the tampering skimmed the cards.
const CARD_LEAK = /カード情報[^。]{0,80}(?:漏えい|漏洩|流出)/;
// Credentials typed into a lure ("アカウント、パスワードを入力"): the phished account was taken over.
// (A lure built to make people type them, 入力させる, 入力するよう, is not someone typing them.)
const CREDENTIALS_GIVEN = /(?:ID|アカウント|パスワード|認証情報)[^。\n]{0,10}を入力(?!させ|するよう|しないで|しない)/;

// The types a leak notice warns may follow it.
const SECONDARY_TYPES = new Set<IncidentType>(["phishing", "malware", "account_takeover", "support_scam"]);

interface Hit { start: number; end: number; conf: number; rule: string }

/** The first hit of every type that the notice states happened (not negated, not advice, not a risk). */
function stated(ctx: RuleContext): Map<IncidentType, Hit> {
  const text = ctx.text;
  const found = new Map<IncidentType, Hit>();
  const sentenceHolding = (at: number) => sentenceAt(ctx.sentences, at);
  // A listing's category label (内部不正/ミス) names a column, not what happened.
  const category = ctx.notice.category;
  const inCategory = (at: number) => category !== null && at >= ctx.titleStart && at < ctx.titleStart + category.length;
  for (const [type, re, conf, name] of INCIDENT_TYPE_PHRASES) {
    if (found.has(type)) continue;
    for (const h of hits(re, ctx.reading)) {
      if (negated(ctx.reading, h.start, h.end) || inCategory(h.start) || PREVENTED.test(text.slice(h.end, h.end + 8))) continue;
      if (type === "ddos" && LAUNCHED.test(text.slice(h.end, h.end + 10))) continue;
      const inTitle = ctx.inHeadline(h.start);
      const s = sentenceHolding(h.start);
      const lure = /ください|下さい/.test(h.text);
      if (!inTitle && !lure && s && ADVICE.test(s.text) && !HAPPENED.test(s.text)) continue;
      if (!inTitle && s && RISK.test(s.text) && CONDITION.test(text.slice(s.start, h.start))) continue;
      if (!inTitle && s && SECONDARY.test(s.text) && !HAPPENED.test(s.text) && SECONDARY_TYPES.has(type)) continue;
      found.set(type, { start: h.start, end: h.end, conf: inTitle ? Math.min(1, conf + 0.05) : conf, rule: `incident_types/${name ?? type}` });
      break;
    }
  }
  return found;
}

/** What happened, as types from the vocabulary, with the words that say so. */
export const incidentTypesRule: Rule<"incident_types"> = {
  field: "incident_types",
  heuristics: [
    ...new Set(INCIDENT_TYPE_PHRASES.map(([type, , , name]) => `incident_types/${name ?? type}`)),
    "incident_types/regulator-notice", "incident_types/regulator-notice-other", "incident_types/skimming-implies-intrusion",
    "incident_types/defacement-implies-intrusion", "incident_types/phishing-warning-sample", "incident_types/misprovision-sent",
    "incident_types/ransomware-implies-intrusion", "incident_types/unclassified", "incident_types/card-leak-implies-skimming",
    "incident_types/phished-credentials", "incident_types/case-notice-regulator", "incident_types/roundup-lead",
  ],
  run(ctx) {
    const text = ctx.text;
    const found = stated(ctx);
    const has = (t: IncidentType) => found.has(t);
    const weak = (t: IncidentType) => found.has(t) && found.get(t)!.rule !== `incident_types/${t}`;
    const implied = (t: IncidentType, from: IncidentType, conf: number, why: string) => {
      const f = found.get(from)!;
      found.set(t, { start: f.start, end: f.end, conf, rule: `incident_types/${why}` });
    };
    // A warning about spoofed mails that shows a sample: a phishing run against the organisation's name.
    const sample = MAIL_SAMPLE.exec(ctx.body);
    if (!has("phishing") && MAIL_WARNING_TITLE.test(ctx.title) && sample) {
      const at = ctx.titleEnd + sample.index;
      found.set("phishing", { start: at, end: at + sample[0].length, conf: 0.6, rule: "incident_types/phishing-warning-sample" });
    }
    // Ransomware is delivered by an intrusion; its "virus" is not a separate malware finding.
    if (has("ransomware")) found.delete("malware");
    if (has("support_scam")) found.delete("malware"); // the "virus" was the fake warning
    if (has("defacement") && !has("web_skimming") && CARD_LEAK.test(text)) implied("web_skimming", "defacement", 0.7, "card-leak-implies-skimming");
    if (has("web_skimming")) found.delete("defacement");
    // Code planted in a defaced page or a shop is the defacement or the skimming, not a malware infection.
    if ((has("defacement") || has("web_skimming")) && weak("malware")) found.delete("malware");
    // "攻撃を受け", remote control: the attack the notice names elsewhere.
    // Data given to the wrong party by post, mail or fax was misdelivered.
    const misprovision = found.get("other");
    if (misprovision?.rule === "incident_types/misprovision" && !has("misdelivery") && SENT.test(text)) {
      found.delete("other");
      found.set("misdelivery", { ...misprovision, conf: 0.7, rule: "incident_types/misprovision-sent" });
    }
    // A stolen device or file is not also a lost one.
    if (has("theft") && !weak("theft")) found.delete("loss");
    // Data "stolen" in an intrusion was taken by the attack, not in a physical theft.
    if (weak("theft") && (["unauthorized_access", "ransomware", "web_skimming", "malware", "account_takeover", "phishing"] as IncidentType[]).some(has)) found.delete("theft");
    // Mails sent in the organisation's name by malware on its PCs or from a hijacked account are not a phishing run.
    if (weak("phishing") && (has("malware") || has("account_takeover"))) found.delete("phishing");
    if (found.get("unauthorized_access")?.rule === "incident_types/attack-unspecified" && (["ransomware", "ddos", "support_scam", "malware", "phishing", "defacement", "account_takeover"] as IncidentType[]).some(has)) found.delete("unauthorized_access");
    // An attack explains an outage and data left open; a setting at fault stays as its cause.
    const attacked = ATTACKS.some(has);
    if (attacked) found.delete("system_failure");
    if (attacked && weak("misconfiguration")) found.delete("misconfiguration");
    // A loss, a theft, a mis-sent mail or a setting explains an outage; a system fault stays as their cause.
    if ((has("loss") || has("theft") || has("misdelivery") || has("insider") || has("misconfiguration")) && weak("system_failure")) found.delete("system_failure");
    if (has("misdelivery") || has("loss") || has("theft")) found.delete("misconfiguration");
    if (ctx.notice.kind === "regulator_action" && !has("regulatory_action") && REGULATOR_ACTION.test(text)) {
      found.set("regulatory_action", { start: ctx.titleStart, end: ctx.titleEnd, conf: 0.8, rule: "incident_types/regulator-notice" });
    }
    const specific = [...found.keys()].filter((t) => t !== "regulatory_action" && t !== "other");
    if (specific.length > 0) found.delete("other");
    else if (has("regulatory_action") && !has("other")) {
      found.set("other", { start: ctx.titleStart, end: ctx.titleEnd, conf: 0.4, rule: "incident_types/regulator-notice-other" });
    }
    // Skimming code was planted by someone who got in.
    if (has("web_skimming") && !has("unauthorized_access")) implied("unauthorized_access", "web_skimming", 0.7, "skimming-implies-intrusion");
    // A page changed by someone outside was reached without authorisation.
    if (has("defacement") && !has("unauthorized_access") && /第三者|何者か|攻撃者|不正/.test(text)) implied("unauthorized_access", "defacement", 0.6, "defacement-implies-intrusion");
    if (has("ddos") && has("unauthorized_access") && !/不正アクセス|不正ログイン|侵入|不正通信/.test(text)) found.delete("unauthorized_access");
    // Ransomware came in through remote access when the notice names it.
    if (has("ransomware") && !has("unauthorized_access") && REMOTE_ENTRY.test(text)) implied("unauthorized_access", "ransomware", 0.7, "ransomware-implies-intrusion");
    // Credentials given away to a lure let the attacker into the account.
    if (has("phishing") && !has("account_takeover") && CREDENTIALS_GIVEN.test(text)) implied("account_takeover", "phishing", 0.6, "phished-credentials");
    // Credential stuffing is the account access; only an explicit takeover adds account_takeover.
    if (has("credential_stuffing") && !/乗っ取|乗取/.test(text)) found.delete("account_takeover");
    // An incident none of whose words names a type (a photo posted, data misused) is still an incident.
    if (found.size === 0 && ctx.notice.isIncident && SOMETHING_WRONG.test(text)) found.set("other", { start: ctx.titleStart, end: Math.max(ctx.titleEnd, ctx.titleStart + 1), conf: 0.45, rule: "incident_types/unclassified" });
    const order = INCIDENT_TYPE_PHRASES.map(([t]) => t);
    const out = [...found].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([type, f]) => ctx.find("incident_types", type, f.start, f.end, f.conf, f.rule));
    const framed = has("regulatory_action") ? null : framingAction(ctx);
    if (framed) return [...out, framed];
    // A victim of a roundup whose own words name no type: what the roundup's opening says of them all.
    const lead = out.every((f) => f.value === "other") ? leadTypes(ctx) : [];
    return lead.length > 0 ? lead : out;
  },
};

/** The incident types a roundup's opening states (not "other"), as findings of the victim's notice. */
function leadTypes(ctx: RuleContext): Finding[] {
  const outer = ctx.roundupLead();
  if (!outer) return [];
  return [...stated(outer)].filter(([t]) => t !== "other").map(([type, f]) => {
    const at = outer.find("incident_types", type, f.start, f.end, f.conf, f.rule);
    return ctx.findInSource("incident_types", type, at.span[0], at.span[1], 0.6, "incident_types/roundup-lead");
  });
}

/** A regulator's action that the notice framing a numbered case states over all its cases ("総務省から書面による指導"). */
function framingAction(ctx: RuleContext): Finding | null {
  const outer = ctx.framing();
  const action = outer ? stated(outer).get("regulatory_action") : undefined;
  if (!outer || !action) return null;
  const at = outer.find("incident_types", "regulatory_action", action.start, action.end, action.conf, action.rule);
  return ctx.findInSource("incident_types", "regulatory_action", at.span[0], at.span[1], 0.75, "incident_types/case-notice-regulator");
}
