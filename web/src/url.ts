import { useEffect, useState } from "preact/hooks";

/** Query parameters the search, the dashboard and the API share (same names as /api/v1/incidents). */
export const FILTER_KEYS = ["q", "type", "sector", "cause", "basics", "since", "until", "tlp"] as const;
/** The search's parameters: the shared filters and the order of the results (the list alone sorts). */
export const SEARCH_KEYS = [...FILTER_KEYS, "sort"] as const;

/** URL query values; undefined and empty values are left out. */
export type QueryParams = Record<string, string | number | undefined>;

const listeners = new Set<() => void>();

/** A path with its query string. */
export function href(path: string, params: QueryParams = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Go to a path within the UI (pushes history unless `replace`); every `useRoute` re-renders. */
export function navigate(path: string, params: QueryParams = {}, opts: { replace?: boolean } = {}): void {
  const to = href(path, params);
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  for (const f of listeners) f();
}

addEventListener("popstate", () => {
  for (const f of listeners) f();
});

/** The current path and query; the calling component re-renders on navigation. */
export function useRoute(): { path: string; query: URLSearchParams } {
  const [, bump] = useState(0);
  useEffect(() => {
    const f = () => bump((n) => n + 1);
    listeners.add(f);
    return () => void listeners.delete(f);
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

/** The current query as a plain object (first value of each name); re-renders on navigation. */
export function useQuery(): Record<string, string> {
  return Object.fromEntries(useRoute().query);
}

/** The shared filters (FILTER_KEYS, or other `keys`) of a query object. */
export function filterParams(query: Record<string, string>, keys: readonly string[] = FILTER_KEYS): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => query[k]).map((k) => [k, query[k]!]));
}
