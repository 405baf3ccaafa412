import { CALIBRATION } from "./calibration-table.js";

/** The confidence a heuristic's value deserves: its measured precision when the table has it, else what the rule says. */
export function calibrated(rule: string, stated: number): number {
  return CALIBRATION[rule] ?? stated;
}
