// Written by `node --import tsx bench/calibrate.ts --write` from ../shared/corpus/real: each heuristic's measured
// precision (shrunk towards its field's when seen only a few times). Do not edit by hand; refit after rules change.
/** Calibrated confidence per heuristic id. */
export const CALIBRATION: Readonly<Record<string, number>> = {
};
