import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates } from "./dates.js";

const isos = (t: string, ref: { year: number; month: number; day?: number } | null = null) => findDates(t, ref).map((d) => d.iso);

test("Western dates in every common layout", () => {
  assert.deepEqual(isos("2024年3月1日、2023 年 11 月 27 日と2024/2/5 早朝、2024-01-09"), ["2024-03-01", "2023-11-27", "2024-02-05", "2024-01-09"]);
});

test("era dates: 令和, 令和元年, abbreviated and kanji numerals", () => {
  assert.deepEqual(isos("令和6年1月26日に"), ["2024-01-26"]);
  assert.deepEqual(isos("令和元年5月7日"), ["2019-05-07"]);
  assert.deepEqual(isos("R6.1.26 付"), ["2024-01-26"]);
  assert.deepEqual(isos("平成31年4月30日"), ["2019-04-30"]);
  assert.deepEqual(isos("令和六年三月十五日"), ["2024-03-15"]);
  assert.deepEqual(isos("令和6年2月 24 日(土)"), ["2024-02-24"]);
  // A date alone on its line ends there: the line break after R8.11.5 is not part of it.
  const [alone] = findDates("お詫び\nR8.11.5\n株式会社X");
  assert.equal("お詫び\nR8.11.5\n株式会社X".slice(alone!.start, alone!.end), "R8.11.5");
});

test("a bare era year is context, not a date", () => {
  const d = findDates("平成15年法律第57号に基づき、3月1日に報告");
  assert.equal(d.length, 1);
  assert.equal(d[0]!.iso, "2003-03-01");
  assert.equal(d[0]!.yearInferred, true);
});

test("dates without a year take the year of the closest date before them", () => {
  assert.deepEqual(isos("2019年12月4日21:00に停止。12月5日に再開"), ["2019-12-04", "2019-12-05"]);
  assert.deepEqual(isos("11月7日:ウェブサイトを閉鎖", { year: 2019, month: 12 }), ["2019-11-07"]);
  assert.deepEqual(isos("12月28日に発覚", { year: 2020, month: 1 }), ["2019-12-28"]);
  assert.deepEqual(isos("3月5日に復旧"), [null]);
});

test("month-only and slash dates", () => {
  assert.deepEqual(isos("2024年3月に判明、3/5、復旧"), ["2024-03", "2024-03-05"]);
  assert.deepEqual(isos("比率は1/2で"), []);
});

test("spans cover the written date", () => {
  const t = "発表日 2023 年 11 月 27 日 です";
  const [d] = findDates(t);
  assert.equal(t.slice(d!.start, d!.end), "2023 年 11 月 27 日");
});

test("a timeline without years crosses the new year to the nearest date", () => {
  assert.deepEqual(isos("経緯\n2023年12月20日に発生。12月27日に報告、1月9日に通報"), ["2023-12-20", "2023-12-27", "2024-01-09"]);
  assert.deepEqual(isos("経緯\n2022/4/8 侵入、9/30に判明"), ["2022-04-08", "2022-09-30"]);
});

test("after the notice's own date, a date without a year is never later than it", () => {
  assert.deepEqual(isos("お知らせ\n2024年3月1日\n12月5日に判明、2月20日に報告"), ["2024-03-01", "2023-12-05", "2024-02-20"]);
  assert.deepEqual(isos("不正アクセスについて 2024年3月1日\n8月5日に侵入"), ["2024-03-01", "2023-08-05"]);
});

test("years said relative to the notice's own", () => {
  assert.deepEqual(isos("本年 1 月に申し出があり", { year: 2023, month: 3 }), ["2023-01"]);
  assert.deepEqual(isos("去年11月に逮捕", { year: 2023, month: 4 }), ["2022-11"]);
});

test("a timeline row opens with M/D", () => {
  assert.deepEqual(isos("経緯\n2021年9月1日 第三者が侵入\n9/14 外部から連絡\n9/16~9/20 調査"), ["2021-09-01", "2021-09-14", "2021-09-16"]);
});

test("同月, 同年 and a bare day take the month or year of the date before; durations and rates are no days", () => {
  assert.deepEqual(isos("2025年12月11日に郵送したが、同月25日に確認した。同年3月2日にも"), ["2025-12-11", "2025-12-25", "2025-03-02"]);
  assert.deepEqual(isos("12月25日(水)午後7時頃から26日(木)午前2時頃まで。25日午後7時10分頃に検知", { year: 2024, month: 12 }), ["2024-12-25", "2024-12-26", "2024-12-25"]);
  assert.deepEqual(isos("2024年5月1日から3日間、1日あたり最大50件、30日以内に"), ["2024-05-01"]);
  assert.deepEqual(isos("25日に発表した"), []);
});

test("a news wire's byline (month-day-year) is a date, and a day written alone before any other date takes its month", () => {
  const bylined = findDates("(kahoku = 3-15-24)");
  assert.deepEqual(bylined.map((d) => [d.iso, d.byline]), [["2024-03-15", true]]);
  // "14 日" before the byline of 15 March is 14 March; "28 日" is the month before.
  assert.deepEqual(isos("みずなら物流は 14 日、発表した。", { year: 2024, month: 3, day: 15 }), ["2024-03-14"]);
  assert.deepEqual(isos("みずなら物流は 28 日、発表した。", { year: 2024, month: 1, day: 5 }), ["2023-12-28"]);
  // Without a byline's day, a day alone still needs a full date before it.
  assert.deepEqual(isos("みずなら物流は 14 日、発表した。", { year: 2024, month: 3 }), []);
  assert.deepEqual(isos("(asahi 3-15-24) と 1-2-3"), []);
});

test("English dates with their year, month first or day first, names whole or cut short", () => {
  assert.deepEqual(isos("October 8, 2025 / Sept. 9, 2023 / Jun 3 2024"), ["2025-10-08", "2023-09-09", "2024-06-03"]);
  assert.deepEqual(isos("on 20 November 2025 and on 1st May, 2024"), ["2025-11-20", "2024-05-01"]);
  // A word that only starts like a month is no date.
  assert.deepEqual(isos("Mayday 2025; Decoy 5, 2024"), []);
  // A month and day without their year take the year of the context, as 6月13日 does ("said on June 13"); without one, the year is unknown.
  assert.deepEqual(isos("came to light on June 13"), [null]);
  assert.deepEqual(isos("said on June 13 and on Dec. 2", { year: 2026, month: 6 }), ["2026-06-13", "2025-12-02"]);
});
