import type { Rule } from "../context.js";
import { hits } from "../scan.js";

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|\[at\]|\(at\)|\[@\])[A-Za-z0-9-]+(?:(?:\.|\[\.\]|\(\.\))[A-Za-z0-9-]+)*(?:\.|\[\.\]|\(\.\))[A-Za-z]{2,}/g;
const URL = /h(?:tt|xx)ps?(?::|\[:\])\/\/[^\s<>"'「」()（）、。]+/gi;
// A bare domain, only taken in a sentence that calls it fake or lookalike.
const DOMAIN = /(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]))+(?:com|net|org|info|biz|jp|co\.jp|ne\.jp|or\.jp|io|xyz|top|shop|online|site|club|cn|ru|tk|cc)(?![\w.-])/gi;
const LOOKALIKE = /酷似|似せた|類似した|偽の?ドメイン|偽サイト|なりすまし|詐称|フィッシング/;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.|\[\.\])){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/g;

// Labels right before an address: whose address it is.
const ATTACKER_LABEL = /(?:差出人|送信元|送信者|From|表示名|なりすまし|偽|詐称|フィッシング|不審|攻撃者|悪用|乗っ取|不正|迷惑)[^@\n]{0,25}$/i;
const NOT_ATTACKER_LABEL = /(?:宛\s?先|To|送信先|受信者|受信先|お問い?合わせ|問合せ|窓口|連絡先|正しい|正規|公式|出典|参考|詳細|URL】|ご覧|参照)[^@\n]{0,25}$/i;
const RECIPIENT_LABEL = /(?:宛\s?先|To|送信先|受信者|受信先)\s*[:：]?\s*[^@\n]{0,12}$/i;
const CONTACT_LABEL = /(?:お問い?合わせ|問合せ|窓口|連絡先)[^@\n]{0,25}$/;
// A sentence that says the address or account itself was taken over or faked.
const HIJACK_SENTENCE = /乗っ取|なりすまし|偽(?:の|サイト|装)|フィッシング|不正(?:アクセス|ログイン|に(?:利用|使用))を受け|不正(?:アクセス|ログイン)により/;
const ATTACKER_SENTENCE = /ランサムノート|脅迫|身代金|なりすまし|偽|詐称|フィッシング|不審|攻撃|悪用|乗っ取|不正アクセス|不正ログイン|不正使用|マルウ[ェエ]ア|ウ[イィ]ルス|迷惑メール|送信元|差出人/;
const BENIGN_SENTENCE = /お問い?合わせ|問合せ|窓口|ご覧|参照|出典|正しい|正規の|以外は|ではありません|ではない|公式サイト|詳細は/;

/** The nearest heading line (【…】, ■…, ◆…) within the 400 characters above a position. */
function headingAbove(text: string, at: number): string {
  const above = text.slice(Math.max(0, at - 400), at).split("\n").reverse();
  return above.find((l) => /^\s*(?:【[^】]*】|[■□◆◇●▼]|\d+\s*[.．)]\s)/.test(l)) ?? "";
}

// The organisation's own web site named as the place attacked (a defaced page) is a victim asset;
// an account on a social platform that was taken over is the attacker's now.
const OWN_SITE = /(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|公式サイト|サイト|HP)\s*[(（]?\s*$/;
const SOCIAL = /(?:twitter|x|instagram|facebook|tiktok|youtube|line|threads|note)\.(?:com|me|net)\//i;
// A quoted mail: sender or subject lines in the same paragraph.
const MAIL_HEADER = /差出人|送信元|送信者|From\s*:|件\s?名\s*[:：]|Subject\s*:/i;

/** The paragraph (text between blank lines) around a position. */
function paragraphAround(text: string, at: number): string {
  const s = text.lastIndexOf("\n\n", at);
  const e = text.indexOf("\n\n", at);
  return text.slice(s < 0 ? 0 : s, e < 0 ? text.length : e);
}

/** Refang an indicator written defanged: hxxp, [.], (at). */
export function refang(s: string): string {
  return s.replace(/^hxxp/i, "http").replace(/\[\.\]|\(\.\)/g, ".").replace(/\[at\]|\(at\)|\[@\]/gi, "@").replace(/\[:\]/g, ":").replace(/[.,;:!?)]+$/, "");
}

/** Attacker-side emails, URLs and IPs written in the notice (spoofed senders, phishing links, hijacked accounts). */
export const indicatorsRule: Rule<"indicators"> = {
  field: "indicators",
  run(ctx) {
    const text = ctx.text;
    const out: string[] = [];
    const taken: [number, number][] = [];
    const kinds = (re: RegExp, kind: "url" | "email" | "ip" | "domain") => hits(re, text).map((h) => ({ ...h, kind }));
    const all = [...kinds(URL, "url"), ...kinds(EMAIL, "email"), ...kinds(IPV4, "ip"), ...kinds(DOMAIN, "domain")]
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const h of all) {
      if (taken.some(([s, e]) => h.start < e && h.end > s)) continue;
      taken.push([h.start, h.end]);
      const before = text.slice(Math.max(0, text.lastIndexOf("\n", h.start - 1) + 1, h.start - 40), h.start);
      const sentence = ctx.sentences.find((s) => s.start <= h.start && h.start < s.end)?.text ?? "";
      const header = headingAbove(text, h.start);
      let verdict: boolean;
      const defanged = /hxxp|\[\.\]|\(\.\)|\[at\]|\(at\)/i.test(h.text);
      if (RECIPIENT_LABEL.test(before)) verdict = false;
      else if (defanged || /攻撃者|脅迫|犯人|犯行|身代金/.test(before)) verdict = true;
      else if (CONTACT_LABEL.test(before)) verdict = false;
      else if (h.kind === "ip" && /アクセス|サインイン|ログイン|接続|通信|攻撃/.test(sentence + paragraphAround(text, h.start)) && !BENIGN_SENTENCE.test(sentence)) verdict = true;
      else if (h.kind === "url" && OWN_SITE.test(before) && !SOCIAL.test(h.text)) verdict = false;
      else if (h.kind === "domain") verdict = LOOKALIKE.test(sentence) && !/正規|正しい|公式/.test(before);
      else if (ATTACKER_LABEL.test(before)) verdict = true;
      else if (HIJACK_SENTENCE.test(sentence)) verdict = true;
      else if (NOT_ATTACKER_LABEL.test(before) || BENIGN_SENTENCE.test(sentence)) verdict = false;
      else verdict = ATTACKER_SENTENCE.test(sentence) || /フィッシング|なりすまし|不審|偽/.test(header) || MAIL_HEADER.test(paragraphAround(text, h.start));
      if (!verdict) continue;
      const value = refang(h.text);
      if (/(?:^|[@.])example\.(?:com|org|net|jp)$|\.example$|\.invalid$|\.test$/i.test(value.replace(/^https?:\/\/|\/.*$/g, ""))) continue;
      if (out.includes(value)) continue;
      out.push(value);
      ctx.find("indicators", value, h.start, h.start + h.text.replace(/[.,;:!?)]+$/, "").length, 0.75, "indicators/attacker-context");
    }
    return { value: out, confidence: out.length ? 0.75 : 0.5 };
  },
};
