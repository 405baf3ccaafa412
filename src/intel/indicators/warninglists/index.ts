import type { Observable } from "../observables.js";
import { freeMailList } from "./free-mail.js";
import { governmentList } from "./government.js";
import type { Warninglist } from "./list.js";
import { maskedList } from "./masked.js";
import { platformsList } from "./platforms.js";
import { privateIpList } from "./private-ip.js";
import { reservedList } from "./reserved.js";

export type { Warninglist } from "./list.js";

/** Every warninglist, in the order hits are reported. */
export const WARNINGLISTS: readonly Warninglist[] = [reservedList, maskedList, privateIpList, governmentList, platformsList, freeMailList];

/** A warninglist an observable is on, and why. */
export interface WarninglistHit {
  list: string;
  reason: string;
}

/** The warninglists an observable is on, each with its reason (empty when it is on none). */
export function warninglistHits(o: Observable): WarninglistHit[] {
  const out: WarninglistHit[] = [];
  for (const wl of WARNINGLISTS) {
    const reason = wl.match(o);
    if (reason !== null) out.push({ list: wl.name, reason });
  }
  return out;
}
