import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Status } from "./Status.js";

/** A page whose code (and heavy libraries, such as charts and graphs) is fetched only when it is first shown. */
export function LazyPage({ load }: { load: () => Promise<ComponentType> }) {
  const [Page, setPage] = useState<ComponentType | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    load().then((c) => live && setPage(() => c), (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => void (live = false);
  }, [load]);
  return Page ? <Page /> : <Status loading error={error} />;
}
