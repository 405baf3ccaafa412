import type { NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** The Traffic Light Protocol 2.0 levels, from least to most restricted. */
export const TLP_LEVELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;
/** One TLP 2.0 level. */
export type Tlp = (typeof TLP_LEVELS)[number];

/** Label and sharing rule of each TLP 2.0 level (FIRST TLP 2.0, paraphrased). */
export const TLP: Readonly<Record<Tlp, { label: Label; definition: Label }>> = {
  CLEAR: {
    label: { ja: "TLP:CLEAR", en: "TLP:CLEAR" },
    definition: { ja: "開示に制限はなく、誰にでも共有できる", en: "No limit on disclosure: recipients may share it with the world" },
  },
  GREEN: {
    label: { ja: "TLP:GREEN", en: "TLP:GREEN" },
    definition: { ja: "受信者のコミュニティ内で共有できるが、一般公開はしない", en: "Limited disclosure: recipients may share it within their community, not publicly" },
  },
  AMBER: {
    label: { ja: "TLP:AMBER", en: "TLP:AMBER" },
    definition: { ja: "受信者の組織とその顧客の中で、知る必要のある者にだけ共有できる", en: "Limited disclosure: need-to-know within the recipient's organisation and its clients" },
  },
  "AMBER+STRICT": {
    label: { ja: "TLP:AMBER+STRICT", en: "TLP:AMBER+STRICT" },
    definition: { ja: "受信者の組織の中で、知る必要のある者にだけ共有できる", en: "Limited disclosure: need-to-know within the recipient's organisation only" },
  },
  RED: {
    label: { ja: "TLP:RED", en: "TLP:RED" },
    definition: { ja: "受信者本人限り。それ以上の開示は不可", en: "For the eyes and ears of individual recipients only, no further disclosure" },
  },
};

/** The level of a publicly disclosed notice. */
export const DEFAULT_TLP: Tlp = "CLEAR";

/** How restricted a level is: CLEAR 0 … RED 4; information at level `a` needs a clearance of at least `tlpRank(a)`. */
export function tlpRank(a: Tlp): number {
  return TLP_LEVELS.indexOf(a);
}

/** True when someone cleared for `clearance` may receive information marked `marking` (RED needs clearance RED). */
export function cleared(clearance: Tlp, marking: Tlp): boolean {
  return tlpRank(clearance) >= tlpRank(marking);
}

/** Read a TLP marking: "TLP:CLEAR", "tlp: amber+strict", "Amber + Strict", or the TLP 1.0 name "white" (CLEAR). */
export function parseTlp(s: string): Tlp | null {
  const bare = s.normalize("NFKC").trim().toUpperCase().replace(/^TLP\s*[:：]?\s*/, "").replace(/\s*\+\s*/g, "+");
  if (bare === "WHITE") return "CLEAR";
  return (TLP_LEVELS as readonly string[]).includes(bare) ? (bare as Tlp) : null;
}

const MARKING = /TLP\s?:\s?(?:CLEAR|WHITE|GREEN|AMBER\s?\+\s?STRICT|AMBER|RED)(?![A-Za-z])/gi;

/** The TLP tag of a notice: the most restrictive marking it carries, else CLEAR for a public notice. */
export function tlpTags(nt: NoticeText): Tag[] {
  const marks = nt.findAll(MARKING, { anywhere: true })
    .map((ev) => ({ ev, level: parseTlp(ev.text) }))
    .filter((m): m is { ev: typeof m.ev; level: Tlp } => m.level !== null)
    .sort((a, b) => tlpRank(b.level) - tlpRank(a.level));
  const top = marks[0];
  if (top) {
    return [makeTag("tlp", top.level, TLP[top.level].label, `the notice is marked ${quote(top.ev.text)}: ${TLP[top.level].definition.en}`, 0.95, top.ev.span)];
  }
  return [makeTag("tlp", DEFAULT_TLP, TLP[DEFAULT_TLP].label, "publicly disclosed notice, so no limit on disclosure", 0.9)];
}
