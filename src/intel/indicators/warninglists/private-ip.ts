import { inIpv4Range, inIpv6Range, ipv4Octets } from "../ip.js";
import { hostOf, type Observable } from "../observables.js";
import type { Warninglist } from "./list.js";

const V4: readonly [string, number, string][] = [
  ["10.0.0.0", 8, "RFC 1918 private"], ["172.16.0.0", 12, "RFC 1918 private"], ["192.168.0.0", 16, "RFC 1918 private"],
  ["127.0.0.0", 8, "loopback"], ["169.254.0.0", 16, "link-local"], ["100.64.0.0", 10, "CGNAT shared (RFC 6598)"],
];
const V6: readonly [string, number, string][] = [
  ["::1", 128, "loopback"], ["fe80::", 10, "link-local"], ["fc00::", 7, "unique local (ULA)"],
];

/** Addresses that only mean something inside one network: private, loopback, link-local, CGNAT, ULA. */
export const privateIpList: Warninglist = {
  name: "private-ip",
  description: "RFC 1918, loopback, link-local, CGNAT and unique-local addresses, meaningful only inside one network",
  match(o: Observable): string | null {
    const host = hostOf(o);
    if (host === null) return null;
    const v4 = ipv4Octets(host) !== null;
    const hit = (v4 ? V4 : V6).find(([base, bits]) => (v4 ? inIpv4Range : inIpv6Range)(host, base, bits));
    return hit ? `${hit[0]}/${hit[1]} is ${hit[2]} address space` : null;
  },
};
