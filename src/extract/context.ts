import type { Field, Finding, IncidentFields, Notice } from "../core/types.js";
import { calibrated } from "./calibration.js";
import { toOriginal, type Normalized } from "./normalize/nfkc.js";
import { closesText, dateMatches, findDates, periodEdge, type DateMention } from "./normalize/dates.js";
import { sentencesOf, type Sentence } from "./normalize/sentences.js";
import { Readings, type Reading } from "./reading.js";

// Lines above a framing notice's title: its date, a release's label.
const NOT_A_TITLE = /^[\s\d０-９年月日令和平成元.．/()（）-]*$|^(?:報道発表資料|記者発表資料|報道資料|プレスリリース|お知らせ)$/;

/** What a rule sees: one notice, normalised, with the fields earlier rules settled. */
export class RuleContext {
  /** NFKC text of the notice; rules match against it. */
  readonly text: string;
  /** NFKC text of the notice title. */
  readonly title: string;
  /** End of the title within `text` (the title is the notice's first line or heading). */
  readonly titleEnd: number;
  /** Start of the title within `text`. */
  readonly titleStart: number;
  /**
   * The title heads the notice: it starts among its first three lines and reads as a heading (not a
   * paragraph of sentences). A title the segmenter had to pick from the middle of the text (a table
   * row) or a lead paragraph standing in for a headline is body text as well.
   */
  readonly headed: boolean;
  /** Fields settled by rules that ran before. */
  readonly fields: Partial<IncidentFields> = {};
  readonly findings: Finding[] = [];
  /** The notice's text as read once for every rule (and for the taggers after them): matches, sentences, names. */
  readonly reading: Reading;
  private readonly norm: Normalized;
  private dateCache: DateMention[] | null = null;

  constructor(
    /** The casefile's decoded text: every finding's span indexes into it. */
    readonly source: string,
    readonly notice: Notice,
    /** The readings of the casefile's stretches, shared with the segmenter and the taggers. */
    readonly readings: Readings = new Readings(source),
  ) {
    this.reading = readings.of(notice.span[0], notice.span[1]);
    this.norm = this.reading.norm;
    this.text = this.norm.text;
    this.title = notice.title.normalize("NFKC");
    const t = this.text.indexOf(this.title.slice(0, 20));
    this.titleStart = t >= 0 ? t : 0;
    this.titleEnd = t >= 0 ? t + this.title.length : 0;
    // A sentence (ending in 。) standing in for a title is the text's first line, not a headline above it.
    this.headed = t >= 0 && (this.text.slice(0, t).match(/\n\s*(?=\S)/g) ?? []).length < 3 && this.title.length <= 100 && !/。/.test(this.title);
  }

  /**
   * The notice that frames this one (a numbered case's notice), read as a notice of its own, or null.
   * Rules fall back on it for what a case does not say itself, such as whose case it is.
   */
  framing(): RuleContext | null {
    const span = this.notice.context;
    if (!span) return null;
    // Its title is its first line that is not a date or a release's label (令和6年10月4日 / 記者発表資料 / title).
    const lines = this.source.slice(span[0], span[1]).split("\n").map((l) => l.trim()).filter((l) => l !== "");
    const title = lines.find((l) => !NOT_A_TITLE.test(l)) ?? lines[0] ?? "";
    const start = span[0] + this.source.slice(span[0], span[1]).indexOf(title);
    return new RuleContext(this.source, { ...this.notice, context: undefined, title, span, titleSpan: [start, start + title.length] }, this.readings);
  }

  /**
   * The opening of the roundup that named this notice's victim, read as a notice of its own, or null.
   * A victim's part may say only its name (「札幌市と」); what happened is said there for all.
   */
  roundupLead(): RuleContext | null {
    const span = this.notice.victim?.lead;
    if (!span) return null;
    return new RuleContext(this.source, { ...this.notice, victim: undefined, context: undefined, span, titleSpan: [span[0], span[0]], title: "" }, this.readings);
  }

  /**
   * The header of the table column holding `at` (a cell of a "a | b | c |" row), read from the casefile:
   * the line above the nearest "---|---" rule, else the first line of the rows above, which may stand
   * above the notice (a table whose rows are notices). Null outside a table or in its first row.
   */
  columnHeader(at: number): string | null {
    const src = this.source;
    const pos = this.notice.span[0] + toOriginal(this.norm, at, at)[0];
    const lineStart = src.lastIndexOf("\n", pos - 1) + 1;
    const lineEnd = src.indexOf("\n", pos);
    if (!/[|｜]/.test(src.slice(lineStart, lineEnd < 0 ? src.length : lineEnd))) return null;
    const column = (src.slice(lineStart, pos).match(/[|｜]/g) ?? []).length;
    let header: string | null = null;
    for (let end = lineStart - 1, rows = 0; end > 0 && rows < 200; rows++) {
      const start = src.lastIndexOf("\n", end - 1) + 1;
      const line = src.slice(start, end);
      // A blank line inside a table's rows is a page break (a PDF's): the header is above it, unless a header
      // (a row without figures) already stands below it.
      if (line.trim() === "" && (header === null || /\d/.test(header))) { end = start - 1; continue; }
      if (!/[|｜]/.test(line)) break;
      if (/^[\s|｜:：]*[-－―]{2,}[\s|｜:：\-－―]*$/.test(line)) {
        const above = src.lastIndexOf("\n", start - 2) + 1;
        header = start > 0 ? src.slice(above, start - 1) : null;
        break;
      }
      header = line;
      end = start - 1;
    }
    return header?.split(/[|｜]/)[column]?.normalize("NFKC").trim() || null;
  }

  /** True when `at` lies in a title that heads the notice. */
  inHeadline(at: number): boolean {
    return this.headed && at >= this.titleStart && at < this.titleEnd;
  }

  /** Every date mentioned in the notice, in order. */
  get dates(): DateMention[] {
    if (!this.dateCache) {
      const listed = /^(\d{4})-(\d{2})/.exec(this.notice.listingDate ?? "");
      if (listed) this.dateCache = findDates(this.text, { year: Number(listed[1]), month: Number(listed[2]) });
      else {
        // Without a listing date, a date written without its year takes the notice's own year: the
        // dates are read again with it as reference when some were left without a year.
        const matches = dateMatches(this.text);
        const plain = findDates(this.text, null, matches);
        // A news wire's byline dates its article: it comes first ("27日、…発表した" then reads as that day).
        // So does the bracketed date and time an article closes on (「…と話した。(2025年12月3日 18時10分)」).
        const last = plain.at(-1);
        const wire = plain.find((d) => d.byline) ?? (last && last.day !== null && closesText(this.text, last) ? last : undefined);
        // (A period's edges, 「2021年4月1日から2025年2月20日までに」, date what it covers, not when the notice speaks.)
        const full = plain.filter((d) => d.year !== null && !d.yearInferred);
        // Without one, the month the page's header names (a monthly report's), else a period's edge.
        const page = /^(\d{4})-(\d{2})$/.exec(this.notice.pageMonth ?? "");
        const first = full.find((d) => !periodEdge(this.text, d)) ?? (page ? undefined : full[0]);
        // Else a numbered case's dates take the year of the notice that frames it.
        const context = this.notice.context;
        const framed = wire || first || page || !context ? undefined : findDates(this.source.slice(context[0], context[1]), null).find((d) => d.year !== null && !d.yearInferred);
        const ref = wire ? { year: wire.year!, month: wire.month, day: wire.day! }
          // (A page's month dates even a day written alone before any other date, 「X社は9日、」: any day of that month, so its last.)
          : first ? { year: first.year!, month: first.month } : page ? { year: Number(page[1]), month: Number(page[2]), day: 31 }
          : framed ? { year: framed.year!, month: framed.month } : null;
        // A day written alone before any full date ("27 日") was left out of the first reading: the byline reads it,
        // and so does a page's month.
        const yearless = plain.some((d) => d.year === null) || matches.some((m) => m.groups!.od !== undefined && (wire !== undefined ? m.index! < wire.start : page !== null && !first));
        this.dateCache = ref && yearless ? findDates(this.text, ref, matches) : plain;
      }
    }
    return this.dateCache;
  }

  /** The notice cut into sentences and list items. */
  get sentences(): readonly Sentence[] {
    return sentencesOf(this.reading);
  }

  /** The body: everything after the title. */
  get body(): string {
    return this.text.slice(this.titleEnd);
  }

  /** Record evidence found at `[start, end)` of the casefile's decoded text (outside the notice). */
  findInSource(field: Field, value: unknown, start: number, end: number, confidence: number, rule: string): Finding {
    const finding: Finding = { field, value, span: [start, end], text: this.source.slice(start, end), confidence: calibrated(rule, confidence), rule };
    this.findings.push(finding);
    return finding;
  }

  /** The casefile's own words behind `[start, end)` of the normalised notice text (before NFKC: ① for 1). */
  sourceOf(start: number, end: number): string {
    const [s, e] = toOriginal(this.norm, start, end);
    return this.source.slice(this.notice.span[0] + s, this.notice.span[0] + e);
  }

  /** Record evidence for a value found at `[start, end)` of the normalised notice text. */
  find(field: Field, value: unknown, start: number, end: number, confidence: number, rule: string): Finding {
    const [s, e] = toOriginal(this.norm, start, end);
    const base = this.notice.span[0];
    const finding: Finding = {
      field, value, span: [base + s, base + e], text: this.source.slice(base + s, base + e),
      confidence: Math.round(calibrated(rule, confidence) * 100) / 100, rule,
    };
    this.findings.push(finding);
    return finding;
  }
}

/**
 * One extraction rule. It reports evidence with `ctx.find` and returns the findings the field's value
 * is read from (none: the field stays empty); the value is derived from them, never set apart from
 * them. A rule may also choose findings for its companion fields (affected_count_text beside
 * affected_count).
 */
export interface Rule<F extends Field = Field> {
  field: F;
  /** Every rule id its findings carry, `<field>/<heuristic>`; each is exercised by a fixture. */
  heuristics: readonly string[];
  run(ctx: RuleContext): readonly Finding[];
}
