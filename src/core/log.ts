import pino from "pino";

/** The process logger: structured JSON to standard error, level from $JIKENBO_LOG (default warn). */
export const log = pino({ level: process.env.JIKENBO_LOG ?? "warn", base: undefined }, pino.destination(2));
