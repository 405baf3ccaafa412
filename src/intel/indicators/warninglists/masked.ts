import { hostOf, type Observable } from "../observables.js";
import { registrableDomain } from "../public-suffixes.js";
import type { Warninglist } from "./list.js";

// Only masking characters (x, *, ○, ●, 〇, ×), at least two of them, with optional separators.
const MASKED = /^(?=(?:[^xX*○●〇◯×]*[xX*○●〇◯×]){2})[xX*○●〇◯×._-]+$/;

/** Masked placeholders: addresses and hosts whose name was blanked out (xxx@…, ***@…, ○○@…, www.xxxx.co.jp). */
export const maskedList: Warninglist = {
  name: "masked",
  description: "Placeholders whose name was masked with x, * or ○ (xxxx@…, ***@…, ○○@…, www.xxxx.co.jp)",
  match(o: Observable): string | null {
    if (o.kind === "email" && MASKED.test(o.value.slice(0, o.value.lastIndexOf("@")))) return "the local part is masked";
    const host = hostOf(o);
    const name = host === null ? null : registrableDomain(host);
    return name !== null && MASKED.test(name.slice(0, name.indexOf("."))) ? "the domain name is masked" : null;
  },
};
