import { isIPv4, isIPv6 } from "node:net";

/** IPv4 ranges that are not the public internet, as [network, prefix length]. */
const V4_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8],        // "this network", unspecified
  ["10.0.0.0", 8],       // private
  ["100.64.0.0", 10],    // carrier-grade NAT (also Alibaba Cloud metadata 100.100.100.200)
  ["127.0.0.0", 8],      // loopback
  ["169.254.0.0", 16],   // link-local (cloud metadata 169.254.169.254)
  ["172.16.0.0", 12],    // private
  ["192.0.0.0", 24],     // IETF protocol assignments
  ["192.0.2.0", 24],     // documentation
  ["192.88.99.0", 24],   // 6to4 relay anycast
  ["192.168.0.0", 16],   // private
  ["198.18.0.0", 15],    // benchmarking
  ["198.51.100.0", 24],  // documentation
  ["203.0.113.0", 24],   // documentation
  ["224.0.0.0", 4],      // multicast
  ["240.0.0.0", 4],      // reserved, broadcast
  ["168.63.129.16", 32], // Azure platform (metadata) endpoint
];

/** IPv6 ranges that are not the public internet (embedded IPv4 forms are checked as IPv4). */
const V6_BLOCKED: ReadonlyArray<readonly [string, number]> = [
  ["::", 128],           // unspecified
  ["::1", 128],          // loopback
  ["100::", 64],         // discard
  ["2001:db8::", 32],    // documentation
  ["fc00::", 7],         // unique local (AWS metadata fd00:ec2::254)
  ["fe80::", 10],        // link-local
  ["fec0::", 10],        // site-local (deprecated)
  ["ff00::", 8],         // multicast
];

/** Prefixes whose low 32 bits are an IPv4 address: mapped, NAT64, compatible. */
const V6_EMBEDS_V4: ReadonlyArray<readonly [string, number]> = [
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["::", 96],
];

function v4ToInt(ip: string): bigint {
  return ip.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address as a 128-bit number (the caller has checked it with isIPv6). */
function v6ToInt(ip: string): bigint {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToInt(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function inRange(value: bigint, bits: number, net: bigint, prefix: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === net >> shift;
}

function isBlockedV4(value: bigint): boolean {
  return V4_BLOCKED.some(([net, prefix]) => inRange(value, 32, v4ToInt(net), prefix));
}

function isBlockedV6(value: bigint): boolean {
  if (V6_BLOCKED.some(([net, prefix]) => inRange(value, 128, v6ToInt(net), prefix))) return true;
  if (V6_EMBEDS_V4.some(([net, prefix]) => inRange(value, 128, v6ToInt(net), prefix))) return isBlockedV4(value & 0xffffffffn);
  if (inRange(value, 128, v6ToInt("2002::"), 16)) return isBlockedV4((value >> 80n) & 0xffffffffn); // 6to4
  return false;
}

/**
 * True for an address a fetch must not reach unless private addresses are allowed: private,
 * loopback, link-local, unique-local, CGNAT, multicast, unspecified, reserved, documentation,
 * cloud metadata, and IPv6 forms embedding one of those. Anything that is not an IP address is
 * refused too.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(bare)) return isBlockedV4(v4ToInt(bare));
  if (isIPv6(bare)) return isBlockedV6(v6ToInt(bare.toLowerCase()));
  return true;
}
