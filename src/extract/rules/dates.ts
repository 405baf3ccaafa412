import type { Period } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { linesOf } from "../scan.js";
import { proseSentences } from "../normalize/sentences.js";
import { closesText, numeral, PERIOD_EDGE, periodEdge, type DateMention } from "../normalize/dates.js";
import { orgNameOf } from "../names.js";

// What may stand beside a date on a date line: labels, brackets, a weekday, a time.
const DATE_LINE_NOISE = /[\s()（）【】\[\]〔〕<>＜＞:：]|[月火水木金土日](?:曜日?)?|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}時(?:\d{1,2}分)?|午前|午後|公開|掲載|発表|公表|更新|追記|作成|発行|配信|投稿|日付|日時|最終|版|第\d+報|お知らせ|ニュース(?:リリース)?|プレスリリース|(?:報道|記者)発表資料|報道資料|記者発表|報道発表|リリース|重要|News|Information|Topics/gi;
const DISCOVERY = /判明|発覚|見当たらず|見当たらないこと|(?:不審|異常|不正)な[^。、]{0,20}(?:が見つか|を見つけ)|(?:痕跡|形跡)(?:が見つか|を見つけ)|(?:こと|事実|事象|被害|攻撃)を認知|検知|感知|発見し|を発見|気づ|気付|覚知|(?:事象|事案|状況|被害|事態|本件|本事案|本事象|この事実|事実)を把握|(?:可能性|事実|事象|事案|被害|不正アクセス|漏えい|流出|感染)を認識|不審に思|異変|(?:お?問い?合わ?せ|相談|ご連絡|連絡|お電話|指摘|通報|申し出)(?:を|が)(?:複数|多数|数件)?(?:いただ|頂|寄せられ|あり)|(?:上司|上長|管理者|責任者|所属長|情報システム[^。\n]{0,6})に(?:報告|連絡|相談)し|(?:ことを|ことが|事実が|形跡が|が|を)確認(?:し|され|いた|でき|。|$)|確認(?:しました|いたしました|されました|できました)|(?:連絡|報告|指摘|通報|通知|問い合わせ|申告)を受け|(?:連絡|報告|指摘|問い合わせ|申し出)が(?:あり|ありました)|(?<!本学|当社|弊社|当院|当法人|当組合|本組合|当協会|当市|当町|当村|当センター|当館|当行|本会|当会|本日|同日|翌日|当日|今後|後日|順次)(?:から|より)[^。\n]{0,70}?(?:連絡|報告|指摘|通報|通知)(?:が|を(?!差し上げ|させ|いたし|しま|する)|$|\s|があ|され)|と判断|\b(?:detected|discovered|identified|noticed|spotted|became aware|learned|received (?:a|the) report|(?:was|were) (?:notified|informed|alerted)|found (?:it |them )?(?:missing|out|that)|alerted (?:it|them|the (?:company|city|hospital|school|shop))(?: on)?)\b/g;
// 発見 counts only as "発見した/を発見": "発見されました" is mostly a lost item recovered, "発見に努め" a search.
// "同日", or a timeline row that opens with 同 ("同 昼 | …判明").
const SAME_DAY = /当日|同日|^同(?=[\s　]*(?:朝|昼|夕|夜|午前|午後|深夜|未明|\d{1,2}\s*[:時]))/;
// A cue that confirms something did not happen ("発生していないことを確認"), not a discovery.
const NOT_FOUND = /(?:ない|なかった)(?:こと)?(?:を|が)?$/;
// …unless what was not there is the lost item ("保管されていないことを確認", "見当たらないことが判明").
const MISSING = /(?:保管され|保存され|見当たら|存在し|所在が(?:分から|わから)|戻ってい|返却され)[^。、]{0,6}(?:ない|なかった)(?:こと)?(?:を|が)?$/;
// Right after the event the notice told before, the same day: 送信後すぐに, 送信してすぐ, 発送した直後に, その場で, 送信から約30分後.
const RIGHT_AFTER = /後すぐ|てすぐ|直後|その場で|(?:約|およそ)?[0-9０-９一二三四五六七八九十数]+\s*(?:分|時間)(?:ほど|程度)?後/;
// A date that starts a period ("1月4日 21:00頃より発生", "2月27日深夜から") is an onset, not a discovery.
const ONSET = /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:\d{1,2}\s*[:時]\s*\d{0,2}\s*分?)?\s*(?:頃|ごろ)?\s*(?:深夜|早朝|未明|午前|午後|夜)?\s*(?:より|から)(?:発生|続いて|継続|断続)/;
const PUBLISHED_REF = /付(?:け)?(?:で)?[「『]|にて公表|で公表|に公表|にてお知らせ|でお知らせ|に(?:報道提供|報道発表|発表|公表|お知らせ|ご報告|ご案内)/;
// A cue denied ("気付くことができなかった", "指摘されておりません"): nothing was found then.
const DENIED = /^[^。、]{0,8}?(?:て(?:お)?りません|ていません|ていない|ません|なかった|できず|されず|せず)/;
// What may stand before a date that opens its sentence: a list marker ("- ", "(3)", "3.", "・").
const ITEM_MARK = /^\s*(?:[-・･●○■□◆◇*]|[(（]?\d{1,2}[)）.．]|[①-⑳])?\s*$/;
// A sentence that moves the story on ("今般、…判明しました") does not happen on the date before it.
const LATER = /^(?:今般|今回|その後|後日|この度|このたび)/;

/** True when `at` lies inside a quotation of the sentence (a press release's title 「…より…」). */
function quoted(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  return (before.match(/「/g)?.length ?? 0) > (before.match(/」/g)?.length ?? 0);
}

function dayDates(ctx: RuleContext, from: number, to: number): DateMention[] {
  return ctx.dates.filter((d) => d.day !== null && d.iso !== null && d.start >= from && d.end <= to);
}

// A label line whose value sits on the next line and is not the notice's date ("発生年月日", "判明日").
const FIELD_LABEL = /^[\s■●・◆【(（]*[^\d\s。、]{0,8}(?:発生|判明|発覚|発見|検知|覚知|受付|実施|開催|期間|期限|送信|日時|年月日)[^\d\s。、]{0,4}[】)）]?\s*[:：]?\s*$/;
const PUBLICATION = /掲載|公開|発表|公表|投稿|作成|発行|日付|更新|追記/;
// A source line over a news item: "日テレNEWS NNN / 2024年4月16日 19時52分", "共同通信 | 2024/4/16".
const BYLINE = /^\s*[^\s。、][^。、\n]{1,24}?\s*[/|｜]\s*$/;
// A news lead that dates the announcement: "…は2024年5月16日、…と明らかにしました", "…ことがわかった".
// In English, the announcement stands right before its date: "said on", "announced on", a digest's "Disclosed May 29." (SAID_ON).
const SAID = String.raw`\b(?:said|announced|disclosed|reported|revealed|confirmed|apologi[sz]ed|Announced|Disclosed|Reported|Published)(?: on|:)?`;
const ANNOUNCED = new RegExp(String.raw`(?:発表|公表|明らかに|公開)(?:し(?:まし)?た|している|しています)|ことが(?:わかった|分かった|明らかになった)|と(?:発表|公表)|${SAID}\b`);
const SAID_ON = new RegExp(String.raw`${SAID}\s$`);

/** True when `d` dates a news lead's announcement ("X社は3月5日、…が判明したと発表した"), not what it announces. */
function announcementDate(text: string, sentenceStart: number, d: DateMention): boolean {
  const opens = d.start - sentenceStart <= 2 || /は\s*$/.test(text.slice(Math.max(sentenceStart, d.start - 3), d.start));
  return opens && /^\s*(?:[(（][月火水木金土日][)）])?\s*[、,]/.test(text.slice(d.end, d.end + 5));
}

interface DateCandidate { d: DateMention; rank: number; conf: number; rule: string }

/** The title's own date: "…について 2022年6月9日 奈良県", "…(令和7年10月31日 18時発表)", a title that is a date line. */
function titleDate(ctx: RuleContext): DateCandidate | null {
  // A sentence standing in for a missing title (「3月31日夜、…が判明しました。」) dates what it tells.
  if (ctx.text.slice(ctx.titleStart, ctx.titleEnd).includes("。")) return null;
  const t = dayDates(ctx, ctx.titleStart, ctx.titleEnd).filter((d) => !d.yearInferred).at(-1);
  if (!t) return null;
  const rest = ctx.text.slice(t.end, ctx.titleEnd);
  const alone = ctx.text.slice(ctx.titleStart, ctx.titleEnd).replace(ctx.text.slice(t.start, t.end), "").replace(DATE_LINE_NOISE, "") === "";
  // A date closing a period ("1月1日～3月31日") is not the title's own date.
  const trailing = /^\s*(?:[(（]?[月火水木金土日][)）]?)?\s*(?:[^\s。、()（）]{1,15})?\s*$/.test(rest) && t.start > ctx.titleStart && !/(?:~|〜|～|から|-)\s*$/.test(ctx.text.slice(ctx.titleStart, t.start));
  // (…or where it stands: 「よくあるお問い合わせ(2026年1月22日時点)」, 「(…現在)」.)
  const labelled = /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?|\d{1,2}:\d{2})?\s*(?:発表|公表|掲載|公開|更新|時点|現在)/.test(rest);
  // A listing line that opens with its date ("2019.11.13Eメール誤送信による…"), not an event's ("3月1日に発生した…").
  const leading = t.start === ctx.titleStart && !/^\s*(?:[(（][月火水木金土日][)）])?\s*(?:に|から|まで|より|の|頃|ごろ|以降|、|,|~|〜)/.test(rest);
  // "障害発生日時:2021年3月8日": a title that is an event's field dates the event.
  const event = /(?:発生|判明|発覚|発見|検知|期間|送信)[^\d\s]{0,4}\s*[:：]?\s*$/.test(ctx.text.slice(ctx.titleStart, t.start));
  return (alone || trailing || labelled || leading) && !event ? { d: t, rank: 5, conf: 0.85, rule: "disclosed_on/title-date" } : null;
}

// An office of a body: 財務部市民税課, 教育総務課, 広報室.
const OFFICE = /^[^\s。、「」()（）]{1,16}(?:部|課|室|係|局|所|センター|本部|グループ|チーム|担当)$/;

/** True when the rest of a date line is a body's name, perhaps with its offices (白樺市教育委員会, X市 財務部市民税課). */
function signedBy(rest: string): boolean {
  const parts = rest.replace(/^\s*(?:公表|発表|掲載|公開)/, "").trim().split(/[\s　]+/);
  const [name, ...offices] = parts;
  // (…or by its offices alone, after the word that says it was published: 令和5年10月20日公表　総務部 情報政策課.)
  return (!!name && orgNameOf(name) === name && offices.length <= 2 && offices.every((o) => OFFICE.test(o))) || (parts.length <= 3 && parts.every((o) => OFFICE.test(o)));
}

// What an update history says on the line of the notice's first posting: 本お知らせを掲載しました.
const POSTED_ENTRY = /^(?:本|この)(?:お知らせ|ページ|件|文書|リリース)を(?:掲載|公開|公表)(?:しました|いたしました)?[。.]?$/;

// A report's number on its date line: 第2報, 第三報.
const REPORT_NTH = /第\s*([1-9１-９]|[一二三四五六七八九])\s*報/;
// A label dating the first of several reports (初回掲載日, 初版): not the follow-up at hand.
const FIRST_REPORT = /初回|初版/;

/** Lines holding nothing but a date (and a label, brackets, a weekday or a time), ranked by their label and place. */
function dateLine(ctx: RuleContext): DateCandidate | null {
  const lines = linesOf(ctx.text).filter((l) => l.text.trim() !== "" && !(l.start < ctx.titleEnd && l.end > ctx.titleStart));
  // The head, and the foot: the last lines, or a date over a signature block (the organisation, its address,
  // its head, a phone number) with no sentence below it.
  const lastSentence = lines.findLastIndex((l) => /[。.]\s*$/.test(l.text));
  const edge = new Set([...lines.slice(0, 6), ...lines.slice(-4), ...lines.slice(Math.max(lastSentence + 1, lines.length - 8))]);
  let best: DateCandidate | null = null;
  lines.forEach((l, i) => {
    const days = dayDates(ctx, l.start, l.end);
    const d = days[0];
    if (!d || d.yearInferred) return;
    // (The same day written twice, in English and in Japanese, is one date: both are taken off.)
    let rest = l.text;
    const same = days.filter((o) => o.iso === d.iso);
    for (const o of same) rest = rest.replace(ctx.text.slice(o.start, o.end), "");
    // A date signed by the body and its office on the same line (令和6年6月21日　X市 財務部市民税課) dates the notice too.
    const signed = signedBy(rest);
    const posted = POSTED_ENTRY.test(rest.trim());
    rest = rest.replace(DATE_LINE_NOISE, "");
    if (same.length > 1) rest = rest.replace(/[/／|｜]/g, "");
    // (An update history's line saying the notice was posted, 「2024年3月8日　本お知らせを掲載しました。」, dates it too.)
    if (rest.length > 0 && !signed && !posted) return;
    // "発生年月日\n令和6年4月11日": the value of a field, not the notice's date.
    const label = lines[i - 1]?.text.trim() ?? "";
    if (!PUBLICATION.test(l.text) && FIELD_LABEL.test(label) && !PUBLICATION.test(label)) return;
    // The first report's date over a follow-up (初回掲載日, 初版) is an earlier notice's: below this one's update.
    // Reports numbered on their date lines (第1報 10月1日, 第3報 11月5日): the latest is this notice's.
    const nth = REPORT_NTH.exec(l.text);
    const n = nth ? numeral(nth[1]!.normalize("NFKC")) ?? 0 : 0;
    const rank = FIRST_REPORT.test(l.text) || n === 1 ? 0.5 : n > 1 ? 3 + n / 10 : /掲載|公開|発表|公表|投稿|作成|発行/.test(l.text) ? 3 : /更新|追記/.test(l.text) ? 1 : edge.has(l) ? 2 : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { d, rank, conf: 0.6 + 0.1 * Math.min(rank, 3), rule: "disclosed_on/date-line" };
  });
  return best;
}

// A publication label right before a date on a line of the page's head ("報道発表日 2022年8月19日").
const PUBLICATION_LABEL = /(?:報道)?(?:発表|公表|掲載|公開|発行|配信|投稿|作成)(?:日|日時|年月日)\s*[:：]?\s*$/;
// An update label right before a date on a line of the page's head ("更新日 2026年6月12日", "最終更新日:…").
const UPDATE_LABEL = /(?:最終)?更新(?:日|日時)\s*[:：]?\s*$/;
// A publication label right after a date ("3/12発表分", "11月3日公表"), ending the line or its part.
const LABEL_AFTER = /^\s*(?:発表|公表|掲載)(?:分|版)?\s*(?:$|[)）】])/;

/**
 * A date after a publication label (or right before one) among the notice's first lines, whatever else the line holds; one
 * written without its year ("(第1報公表日:11月3日 …)" in a monthly digest) takes the year of the dates before it.
 */
function labelledDate(ctx: RuleContext): DateCandidate | null {
  const head = linesOf(ctx.text).slice(0, 8);
  for (const l of head) {
    // The label before the date ("公表日:11月3日"), or right after it ("第二報:3/12発表分").
    // Not the first report's date over a follow-up (初回掲載日:…): an earlier notice's.
    if (FIRST_REPORT.test(l.text)) continue;
    const d = dayDates(ctx, l.start, l.end).find((x) => PUBLICATION_LABEL.test(ctx.text.slice(l.start, x.start)) || LABEL_AFTER.test(ctx.text.slice(x.end, l.end)));
    if (d) return d.yearInferred ? { d, rank: 2, conf: 0.65, rule: "disclosed_on/labelled-date-year-from-context" } : { d, rank: 3, conf: 0.8, rule: "disclosed_on/labelled-date" };
  }
  // A page's update date ("ページ番号1023456 更新日 2026年6月12日"): the notice's own date unless it was revised later.
  for (const l of head) {
    const d = dayDates(ctx, l.start, l.end).find((x) => !x.yearInferred && UPDATE_LABEL.test(ctx.text.slice(l.start, x.start)));
    if (d) return { d, rank: 1, conf: 0.6, rule: "disclosed_on/update-date" };
  }
  return null;
}

/** The date a news article closes on, in brackets after its last sentence. */
function closingDate(ctx: RuleContext): DateCandidate | null {
  const d = ctx.dates.at(-1);
  return d && closesText(ctx.text, d) ? { d, rank: 1.5, conf: 0.7, rule: "disclosed_on/closing-date" } : null;
}

/** A news source line with its date, under the headline. */
function byline(ctx: RuleContext): DateCandidate | null {
  for (const l of linesOf(ctx.text).slice(0, 12)) {
    const d = dayDates(ctx, l.start, l.end)[0];
    if (!d || d.yearInferred || l.start < ctx.titleEnd && l.end > ctx.titleStart) continue;
    const head = ctx.text.slice(l.start, d.start);
    const tail = ctx.text.slice(d.end, l.end).replace(DATE_LINE_NOISE, "");
    // A table's key-value row ("発生日 | 2026年11月6日") dates the event, not the article.
    if (BYLINE.test(head) && tail === "" && !FIELD_LABEL.test(head.replace(/\s*[/|｜]\s*$/, ""))) return { d, rank: 2.5, conf: 0.75, rule: "disclosed_on/byline" };
  }
  return null;
}

// An English release's dateline: "Tokyo, October 3, 2026 — X announces…", "OSAKA, March 3, 2026 (Wire) -".
const DATELINE_PLACE = /^\s*[A-Z][A-Za-z.' -]{1,24},\s*$/;
const DATELINE_END = /^\s*(?:\([A-Z][^()\n]{0,20}\)\s*)?[—–-]/;

/** The dateline that opens an English release or wire story: the day it was published. */
function dateline(ctx: RuleContext): DateCandidate | null {
  for (const l of linesOf(ctx.text).slice(0, 12)) {
    const d = dayDates(ctx, l.start, l.end)[0];
    if (d && !d.yearInferred && DATELINE_PLACE.test(ctx.text.slice(l.start, d.start)) && DATELINE_END.test(ctx.text.slice(d.end, l.end))) {
      return { d, rank: 2.5, conf: 0.75, rule: "disclosed_on/dateline" };
    }
  }
  return null;
}

/** A news wire's byline closing the article ("(asahi = 1-27-16)"): the day it was reported. */
function wireByline(ctx: RuleContext): DateCandidate | null {
  const d = ctx.dates.find((x) => x.byline);
  return d ? { d, rank: 0.5, conf: 0.6, rule: "disclosed_on/wire-byline" } : null;
}

/**
 * A news lead dating the announcement: the first sentence with a dated 発表/公表/明らかに/わかった (a
 * digest's item without a headline: its own first sentence, 「・10月6日 X社は…と発表した」).
 */
function announced(ctx: RuleContext): DateCandidate | null {
  const wire = ctx.dates.some((d) => d.byline);
  // A full date in the page's first lines (a news page's 「企業 2025.04.11 16:20」) gives the year of the lead's day too.
  let dated: boolean | undefined;
  const headDated = () => (dated ??= linesOf(ctx.text).slice(0, 5).some((l) => dayDates(ctx, l.start, l.end).some((d) => !d.yearInferred)));
  for (const s of proseSentences(ctx.text, ctx.sentences)) {
    if ((ctx.headed && s.end <= ctx.titleEnd) || !ANNOUNCED.test(s.text)) continue;
    // A day without its year is read from the article's byline, or the month a digest's header names (context.ts).
    // It is followed by 、 or に and opens the sentence or follows its subject (「X社は27日、」); a date opening
    // the sentence may stand before its subject like a label (「10月6日　X社は」).
    const d = dayDates(ctx, s.start, s.end).find((x) => {
      if (x.yearInferred && !wire && !ctx.notice.pageMonth && !headDated()) return false;
      // English: "X said on November 16 that…".
      if (SAID_ON.test(ctx.text.slice(Math.max(s.start, x.start - 24), x.start))) return true;
      const after = ctx.text.slice(x.end, x.end + 5);
      if (ctx.text.slice(s.start, x.start).replace(/^[\s・•●■◆-]+/, "").length <= 2) return DATE_LEADS.test(after) || SUBJECT_AFTER.test(after);
      return DATE_LEADS.test(after) && /は\s*$/.test(ctx.text.slice(Math.max(s.start, x.start - 3), x.start));
    });
    if (d) {
      const rule = !d.yearInferred ? "disclosed_on/announced" : wire ? "disclosed_on/announced-year-from-byline" : "disclosed_on/announced-year-from-page";
      return { d, rank: 1, conf: 0.65, rule };
    }
  }
  return null;
}

// What follows the date of an announcement: 、 or に, a weekday between.
const DATE_LEADS = /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:、|,|に)/;
// A space before the subject, after a date set like a label.
const SUBJECT_AFTER = /^[ \t\u3000]+(?=\S)/;

/**
 * The notice's own date: the listing or heading date, else the best of the title's date, a date line
 * (a posting label beats a plain line at the top or bottom, which beats an update date), a byline
 * and a news lead's announcement date, ranked in that order.
 */
export const disclosedOnRule: Rule<"disclosed_on"> = {
  field: "disclosed_on",
  heuristics: ["disclosed_on/heading-date", "disclosed_on/listing-date", "disclosed_on/container-date", "disclosed_on/date-line", "disclosed_on/title-date", "disclosed_on/byline", "disclosed_on/dateline", "disclosed_on/wire-byline", "disclosed_on/announced", "disclosed_on/announced-year-from-byline", "disclosed_on/announced-year-from-page", "disclosed_on/labelled-date", "disclosed_on/labelled-date-year-from-context", "disclosed_on/update-date", "disclosed_on/case-notice", "disclosed_on/closing-date"],
  run(ctx) {
    const listed = ctx.notice.listingDate;
    if (listed) {
      const d = ctx.dates.find((m) => m.iso === listed && m.start < ctx.titleEnd + 1);
      const day = /^\s*(\d{1,2})\s*日/.exec(ctx.text);
      if (d) return [ctx.find("disclosed_on", listed, d.start, d.end, 0.9, "disclosed_on/heading-date")];
      if (day) return [ctx.find("disclosed_on", listed, day.index, day.index + day[0].length, 0.85, "disclosed_on/listing-date")];
      return [ctx.find("disclosed_on", listed, ctx.titleStart, ctx.titleEnd, 0.8, "disclosed_on/container-date")];
    }
    const found = [titleDate(ctx), dateLine(ctx), labelledDate(ctx), byline(ctx), dateline(ctx), announced(ctx), wireByline(ctx), closingDate(ctx)].filter((c): c is DateCandidate => c !== null);
    const best = found.sort((a, b) => b.rank - a.rank)[0];
    if (best) return [ctx.find("disclosed_on", best.d.iso, best.d.start, best.d.end, best.conf, best.rule)];
    // A numbered case that states no date of its own was published with the notice that frames it.
    const outer = ctx.framing();
    const framed = outer ? dateLine(outer) : null;
    if (!outer || !framed) return [];
    const at = outer.find("disclosed_on", framed.d.iso, framed.d.start, framed.d.end, framed.conf, framed.rule).span;
    return [ctx.findInSource("disclosed_on", framed.d.iso!, at[0], at[1], 0.8, "disclosed_on/case-notice")];
  },
};

// A date that qualifies a thing, not an event: 「10月9日受付分の申請書」, 「5月1日付の通知」.
const QUALIFIES = /^\s*(?:受付|受け付け|提出|申請|発送|送付|作成|到着)?分(?:の|を|が)|^\s*付け?の/;

// The word before an English date the verb before it is about: "on", "as of".
const ENGLISH_ON = /\b(?:on|of)\s$/;

/** When the organisation found out: the earliest date stated with 判明・確認・発覚・検知・連絡を受け. */
export const discoveredOnRule: Rule<"discovered_on"> = {
  field: "discovered_on",
  heuristics: ["discovered_on/cue-date", "discovered_on/cue-date-year-from-context", "discovered_on/previous-sentence-date", "discovered_on/today", "discovered_on/same-day", "discovered_on/right-after", "discovered_on/labelled", "discovered_on/timeline-heading"],
  run(ctx) {
    const text = ctx.text;
    // Strength: 3 = the date is what the cue is about ("2月5日に判明"), 2 = the sentence opens
    // with the date ("令和6年1月26日、…判明"), 1 = another date in the cue's sentence.
    let best: { iso: string; start: number; end: number; conf: number; rule: string; strength: number } | null = null;
    const consider = (iso: string, start: number, end: number, conf: number, rule: string, strength: number) => {
      if (!best || strength > best.strength || (strength === best.strength && iso < best.iso)) best = { iso, start, end, conf, rule, strength };
    };
    for (const s of ctx.sentences) {
      if (s.end <= ctx.titleEnd && (ctx.headed || s.end <= ctx.titleStart)) continue; // the heading, the page header
      DISCOVERY.lastIndex = 0;
      let cue = DISCOVERY.exec(s.text);
      while (cue && (/^(?:れる|される|する|した)?(?:前|以前)/.test(s.text.slice(cue.index + cue[0].length)) || DENIED.test(s.text.slice(cue.index + cue[0].length)) || quoted(s.text, cue.index) || (cue[0].includes("確認") && NOT_FOUND.test(s.text.slice(0, cue.index)) && !MISSING.test(s.text.slice(Math.max(0, cue.index - 24), cue.index))))) cue = DISCOVERY.exec(s.text);
      if (!cue) continue;
      const cueAt = s.start + cue.index;
      const announcing = ANNOUNCED.test(s.text);
      const dates = dayDates(ctx, s.start, s.end).filter((d) => !PUBLISHED_REF.test(text.slice(d.end, d.end + 12)) && !ONSET.test(text.slice(d.end, d.end + 20))
        && !periodEdge(text, d)
        && !(announcing && announcementDate(text, s.start, d)) && !QUALIFIES.test(text.slice(d.end, d.end + 8)));
      const before = dates.filter((d) => d.start < cueAt);
      // English puts the date after its verb: "…detected unauthorized access … on September 28, 2026".
      const english = /^[a-z]/i.test(cue[0]) ? dates.find((x) => x.start > cueAt && ENGLISH_ON.test(text.slice(Math.max(cueAt, x.start - 4), x.start))) : undefined;
      const d = english ?? before.at(-1) ?? dates[0];
      if (d) {
        const gap = text.slice(d.end, cueAt);
        const strength = english ? 3 : d.start < cueAt && /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*)?(?:頃|ごろ|時点)?\s*(?:に|、|,|で)?\s*(?:[^、。\s]{0,4}(?:が|を))?\s*$/.test(gap) ? 3
          : ITEM_MARK.test(text.slice(s.start, d.start)) && /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:[、,:：]|\s|早朝|未明|深夜|夜|午前|午後|\d{1,2}\s*[:時])/.test(text.slice(d.end, d.end + 4)) ? 2 : 1;
        consider(d.iso!, d.start, d.end, d.yearInferred ? 0.6 : 0.5 + 0.12 * strength, d.yearInferred ? "discovered_on/cue-date-year-from-context" : "discovered_on/cue-date", strength);
        continue;
      }
      const prev = ctx.sentences[ctx.sentences.indexOf(s) - 1];
      const prevDate = prev && prev.end > ctx.titleEnd && !LATER.test(s.text) ? dayDates(ctx, prev.start, prev.end).at(-1) : undefined;
      // A timeline's date heading ("[2025年10月27日]") dates the items under it, past a blank line (the
      // notice's own date line does not).
      const heading = prevDate && prevDate.iso !== ctx.fields.disclosed_on && text.slice(prev!.start, prev!.end).replace(text.slice(prevDate.start, prevDate.end), "").replace(DATE_LINE_NOISE, "") === "";
      const gap = prev ? text.slice(prev.end, s.start).split("\n").length - 1 : 0;
      if (prevDate && (gap <= 1 || (heading && gap <= 3)) && !PUBLISHED_REF.test(text.slice(prevDate.end, prevDate.end + 12)) && !PERIOD_EDGE.test(text.slice(prevDate.end, prevDate.end + 24))) {
        consider(prevDate.iso!, prevDate.start, prevDate.end, 0.55, heading && gap > 1 ? "discovered_on/timeline-heading" : "discovered_on/previous-sentence-date", 1);
        continue;
      }
      const today = /本日|きょう/.exec(s.text);
      if (today && ctx.fields.disclosed_on) {
        consider(ctx.fields.disclosed_on, s.start + today.index, s.start + today.index + today[0].length, 0.7, "discovered_on/today", 2);
        continue;
      }
      const same = SAME_DAY.exec(s.text);
      if (same) {
        const prev = dayDates(ctx, 0, s.start).at(-1);
        if (prev) consider(prev.iso!, s.start + same.index, s.start + same.index + same[0].length, 0.6, "discovered_on/same-day", 1);
        continue;
      }
      // "送信後すぐに誤りに気付き": found right after what the notice last dated ("11月10日、…送信しました").
      const right = RIGHT_AFTER.exec(s.text.slice(0, cue.index));
      const told = right ? dayDates(ctx, Math.max(ctx.titleEnd, s.start - 400), s.start).filter((d) => d.iso !== ctx.fields.disclosed_on && !PUBLISHED_REF.test(text.slice(d.end, d.end + 12)) && !PERIOD_EDGE.test(text.slice(d.end, d.end + 24))).at(-1) : undefined;
      if (right && told) consider(told.iso!, s.start + right.index, s.start + right.index + right[0].length, 0.6, "discovered_on/right-after", 1);
    }
    // "判明日: 2025年3月11日" or a "●判明日時" heading with the date on the next line says it outright.
    const labelled = /(?:判明|発覚|発見|検知|覚知|認知)(?:した)?(?:日時|日|の日時)\s*[:：]?\s*\n?\s*/.exec(text);
    if (labelled) {
      const d = dayDates(ctx, labelled.index + labelled[0].length, Math.min(text.length, labelled.index + labelled[0].length + 24))[0];
      if (d && d.start === labelled.index + labelled[0].length) consider(d.iso!, d.start, d.end, 0.9, "discovered_on/labelled", 4);
    }
    if (!best) return [];
    const b = best as { iso: string; start: number; end: number; conf: number; rule: string; strength: number };
    return [ctx.find("discovered_on", b.iso, b.start, b.end, b.conf, b.rule)];
  },
};

const RANGE_GLUE = /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*頃?|\d{1,2}:\d{2}|[(（][月火水木金土日][)）])?\s*(?:から|~|〜|～|－|-|より|―|ー)\s*$/;

/** The period during which data was exposed or the attack lasted: 2021年4月25日～2023年8月21日. */
export const exposurePeriodRule: Rule<"exposure_period"> = {
  field: "exposure_period",
  heuristics: ["exposure_period/range"],
  run(ctx) {
    const ds = ctx.dates;
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ds[i]!, b = ds[i + 1]!;
      if (!a.iso || !b.iso || !RANGE_GLUE.test(ctx.text.slice(a.end, b.start))) continue;
      if (a.iso > b.iso) continue;
      const value: Period = { from: a.iso, to: b.iso };
      return [ctx.find("exposure_period", value, a.start, b.end, 0.8, "exposure_period/range")];
    }
    return [];
  },
};
