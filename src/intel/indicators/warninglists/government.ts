import { hostOf, type Observable } from "../observables.js";
import { listedParent, type Warninglist } from "./list.js";

// Government zones and well-known security bodies (JPCERT/CC, IPA, フィッシング対策協議会, NISC, PPC, 警察庁, JC3 …).
const GOVERNMENT: ReadonlySet<string> = new Set([
  "go.jp", "lg.jp", "gov", "jpcert.or.jp", "ipa.go.jp", "antiphishing.jp", "nisc.go.jp", "ppc.go.jp",
  "police.go.jp", "npa.go.jp", "jc3.or.jp", "jipdec.or.jp", "privacymark.jp", "dekyo.or.jp", "jnsa.org",
]);

/** Government domains and security bodies: cited as sources and reporting channels, never attackers'. */
export const governmentList: Warninglist = {
  name: "government",
  description: "Japanese government zones (go.jp, lg.jp), .gov and well-known security bodies",
  match(o: Observable): string | null {
    const host = hostOf(o);
    const parent = host === null ? null : listedParent(host, GOVERNMENT);
    return parent === null ? null : `${parent} belongs to a government or security body`;
  },
};
