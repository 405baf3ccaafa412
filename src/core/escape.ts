const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// Characters XML 1.0 and HTML cannot carry: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text made safe for HTML, SVG and XML content and attribute values: markup escaped, characters they cannot carry replaced. */
export function escapeMarkup(s: string): string {
  return s.replace(NOT_TEXT, "\ufffd").replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
