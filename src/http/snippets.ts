import type { Store } from "../store/types.js";

/** Characters of context kept on each side of the first match. */
const CONTEXT = 60;

/** The words of a search query, as the store matches them (separated by spaces). */
export function queryWords(q: string): string[] {
  return q.split(/[\s\u3000]+/).filter(Boolean);
}

/** The stretch of `text` around the first occurrence of any word (case-insensitive), or null when none occurs. */
export function snippetOf(text: string, words: string[]): string | null {
  const lower = text.toLowerCase();
  let at = -1, len = 0;
  for (const w of words) {
    const i = lower.indexOf(w.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) [at, len] = [i, w.length];
  }
  if (at < 0) return null;
  const from = Math.max(0, at - CONTEXT), to = Math.min(text.length, at + len + CONTEXT);
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`;
}

/**
 * For each incident id, the words around the first match of the query in its notices' body text, after
 * the title (null when the match is elsewhere, e.g. only in the title). Documents are read once per call.
 */
export async function snippets(store: Store, ids: string[], q: string): Promise<Map<string, string | null>> {
  const words = queryWords(q);
  const texts = new Map<string, string | null>();
  const out = new Map<string, string | null>();
  for (const id of ids) {
    const inc = await store.getIncident(id);
    let found: string | null = null;
    for (const n of inc?.notices ?? []) {
      if (!texts.has(n.document)) texts.set(n.document, (await store.getDocument(n.document))?.text ?? null);
      const text = texts.get(n.document);
      // The title is shown beside the snippet already: look in the body that follows it.
      const title = text && n.title ? text.indexOf(n.title, n.span[0]) : -1;
      const from = title >= 0 && title < n.span[1] ? title + n.title.length : n.span[0];
      found = text ? snippetOf(text.slice(from, n.span[1]), words) : null;
      if (found) break;
    }
    out.set(id, found);
  }
  return out;
}
