import { useState } from "preact/hooks";
import { sendJson } from "../api.js";
import { t } from "../i18n.js";
import type { IncidentDetail } from "../types.js";
import { Link } from "./Link.js";

/** Analysts: merge other incidents into this one, or split a source off into an incident of its own. */
export function MergePanel({ incident, onChanged }: { incident: IncidentDetail; onChanged: (d: IncidentDetail | null) => void }) {
  const [others, setOthers] = useState("");
  const [notice, setNotice] = useState(incident.notices[1]?.id ?? "");
  const [why, setWhy] = useState("");
  const [error, setError] = useState<string>();
  const [split, setSplit] = useState<string[]>([]);
  const run = async (f: () => Promise<void>) => {
    setError(undefined);
    try { await f(); setWhy(""); } catch (e) { setError(e instanceof Error ? e.message : String(e)); }
  };
  const merge = () => run(async () => {
    const ids = others.split(/[\s,、]+/).filter(Boolean);
    onChanged(await sendJson<IncidentDetail>("POST", `/incidents/${incident.id}/merge`, { others: ids, why: why.trim() }));
    setOthers("");
  });
  const unmerge = () => run(async () => {
    const r = await sendJson<{ incidents: string[] }>("POST", `/incidents/${incident.id}/unmerge`, { notice, why: why.trim() });
    setSplit(r.incidents);
    onChanged(null);
  });
  return (
    <div class="merge">
      <label for="merge-why">{t("merge.why")}</label>
      <textarea id="merge-why" rows={2} value={why} onInput={(e) => setWhy(e.currentTarget.value)} />
      <div class="row">
        <span class="grow"><label for="merge-others">{t("merge.others")}</label>
          <input id="merge-others" type="text" placeholder={t("merge.placeholder")} value={others} onInput={(e) => setOthers(e.currentTarget.value)} /></span>
        <button type="button" disabled={!why.trim() || !others.trim()} onClick={() => void merge()}>{t("merge.merge")}</button>
      </div>
      {incident.notices.length > 1 && (
        <div class="row">
          <span class="grow"><label for="unmerge-notice">{t("merge.notice")}</label>
            <select id="unmerge-notice" value={notice} onChange={(e) => setNotice(e.currentTarget.value)}>
              {incident.notices.slice(1).map((n) => <option key={n.id} value={n.id}>{n.title}</option>)}
            </select></span>
          <button type="button" disabled={!why.trim()} onClick={() => void unmerge()}>{t("merge.unmerge")}</button>
        </div>
      )}
      {split.length > 0 && <p role="status">{t("merge.split")} {split.map((id) => <Link key={id} href={`/incidents/${id}`}>{id} </Link>)}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
