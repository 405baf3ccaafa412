import { CALIBRATION } from "./calibration-table.js";

// The table as a map: heuristic ids are built per finding, and a map looks them up without a property walk.
const TABLE = new Map(Object.entries(CALIBRATION));

/** The confidence a heuristic's value deserves: its measured precision when the table has it, else what the rule says. */
export function calibrated(rule: string, stated: number): number {
  return TABLE.get(rule) ?? stated;
}
