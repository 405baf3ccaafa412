// Indicators of a notice: every observable scanned, classified by role and flagged by warninglists.
// Role answers "whose is it, according to this notice"; the warninglists answer "may it link
// incidents". They are kept apart on purpose: a documentation IP (RFC 5737/3849) that a notice gives
// as the attacker's address stays an attacker indicator of that notice, written as the notice wrote
// it, but its `reserved` flag makes correlationKey null so it never links two incidents. Reserved
// example *names* (x@example.com) are the exception: they are placeholders by convention, never
// observations, so they are classified benign and leave the indicators field.
import { classifyObservable, ownDomainsOf, type ClassifyContext, type Role } from "./classify.js";
import { canonicalIpv6 } from "./ip.js";
import { scanObservables, type Observable } from "./observables.js";
import { warninglistHits, type WarninglistHit } from "./warninglists/index.js";

export { classifyObservable, ownDomainsOf, type Classification, type ClassifyContext, type Role } from "./classify.js";
export { OBSERVABLE_KINDS, scanObservables, refang, type Observable, type ObservableKind } from "./observables.js";
export { warninglistHits, WARNINGLISTS, type Warninglist, type WarninglistHit } from "./warninglists/index.js";

/** An observable of a notice with its role, the reason for it, and the warninglists it is on. */
export interface Indicator extends Observable {
  role: Role;
  reason: string;
  confidence: number;
  warnings: WarninglistHit[];
}

const RANK: Readonly<Record<Role, number>> = { attacker: 2, victim_asset: 1, benign: 0 };

// One indicator per value: the strongest role any mention earns wins (attacker over victim asset
// over benign), keeping the first span that earned it.
/** Every observable of `text`, classified and flagged with its warninglists, one per value. */
export function indicatorsOf(text: string, ctx: ClassifyContext = {}): Indicator[] {
  const observables = scanObservables(text);
  if (observables.length === 0) return [];
  const known = { ...ctx, ownDomains: ctx.ownDomains ?? ownDomainsOf(text, ctx.organization, observables) };
  const byValue = new Map<string, Indicator>();
  for (const o of observables) {
    const c = classifyObservable(o, text, known);
    const seen = byValue.get(o.value);
    if (seen && RANK[seen.role] >= RANK[c.role]) continue;
    byValue.set(o.value, { ...o, ...c, warnings: warninglistHits(o) });
  }
  return [...byValue.values()].sort((a, b) => a.start - b.start);
}

const NEVER_LINKS = new Set(["reserved", "masked", "private-ip", "government", "platforms"]);

// Never linking: reserved, masked, private, government and platform values, and a free-mail domain
// on its own (an address at a free-mail provider still links).
/** The `kind:value` key under which an indicator may link incidents, or null when it must never link them. */
export function correlationKey(i: Pick<Indicator, "kind" | "value" | "warnings">): string | null {
  if (i.warnings.some((w) => NEVER_LINKS.has(w.list) || (w.list === "free-mail" && i.kind !== "email"))) return null;
  const value = i.kind === "ipv6" ? canonicalIpv6(i.value) ?? i.value : i.kind === "url" ? i.value.replace(/\/$/, "") : i.value.toLowerCase();
  return `${i.kind}:${value}`;
}

/** The correlation key of an indicator value on its own (as stored on an incident), or null. */
export function keyOfValue(value: string): string | null {
  const o = scanObservables(value).find((x) => x.start === 0 && x.end === value.length) ?? scanObservables(value)[0];
  return o ? correlationKey({ kind: o.kind, value: o.value, warnings: warninglistHits(o) }) : null;
}
