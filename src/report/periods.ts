/** A month as reports name it: YYYY-MM. */
export const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
/** A year as reports name it: YYYY. */
export const YEAR = /^\d{4}$/;
