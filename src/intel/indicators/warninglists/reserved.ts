import { inIpv4Range, inIpv6Range } from "../ip.js";
import { hostOf, type Observable } from "../observables.js";
import { publicSuffixOf, registrableDomain, SPECIAL_USE_TLDS } from "../public-suffixes.js";
import type { Warninglist } from "./list.js";

// Documentation ranges: RFC 5737 (IPv4) and RFC 3849 (IPv6).
const DOC_V4: readonly [string, number][] = [["192.0.2.0", 24], ["198.51.100.0", 24], ["203.0.113.0", 24]];
const DOC_V6: readonly [string, number][] = [["2001:db8::", 32]];

/** Why a host is reserved for documentation or special use, or null. */
function reservedHost(host: string): string | null {
  const tld = host.slice(host.lastIndexOf(".") + 1);
  if (SPECIAL_USE_TLDS.has(tld)) return `.${tld} is a special-use name (RFC 2606 / RFC 6761)`;
  for (const [base, bits] of DOC_V4) if (inIpv4Range(host, base, bits)) return `${base}/${bits} is a documentation range (RFC 5737)`;
  for (const [base, bits] of DOC_V6) if (inIpv6Range(host, base, bits)) return `${base}/${bits} is the documentation prefix (RFC 3849)`;
  // example.com/net/org (RFC 2606), example.<new gTLD> (ICANN registry agreement), example.jp and
  // example.co.jp … (JPRS): "example" right below any public suffix is a stand-in.
  if (registrableDomain(host)?.startsWith("example.")) return `example.${publicSuffixOf(host)} is reserved for examples`;
  return null;
}

// A placeholder name (x@example.com) is never an observation, so classification drops it; a
// documentation IP stated as an attacker's address is kept in that notice's indicators, flagged
// `reserved`, so that it never links two incidents (see correlationKey).
/** Names and address ranges reserved for examples and documentation. */
export const reservedList: Warninglist = {
  name: "reserved",
  description: "RFC 2606/6761 example and special-use names and RFC 5737/3849 documentation address ranges",
  match(o: Observable): string | null {
    const host = hostOf(o);
    return host === null ? null : reservedHost(host);
  },
};
