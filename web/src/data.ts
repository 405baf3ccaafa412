import { useCallback, useEffect, useState } from "preact/hooks";
import { getJson, type Params } from "./api.js";

/** The state of one API read. */
export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  /** Read again (after a change). */
  reload(): void;
}

/** GET an API path whenever the path or params change (or `reload` is called); stale answers are dropped. */
export function useApi<T>(path: string | null, params?: Params): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== null });
  const [round, setRound] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(params ?? {})}`;
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    getJson<T>(path, params).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => void (live = false);
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
