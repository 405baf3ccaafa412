/** A TLP marking as a coloured badge. */
export function TlpBadge({ tlp }: { tlp: string }) {
  return <span class={`tlp tlp-${tlp.toLowerCase().replace("+", "-")}`}>{`TLP:${tlp}`}</span>;
}
