import { useEffect, useMemo, useState } from "preact/hooks";
import { download } from "../api.js";
import { FieldTable, type Located } from "../components/FieldTable.js";
import { History } from "../components/History.js";
import { Link } from "../components/Link.js";
import { MergePanel } from "../components/MergePanel.js";
import { NoticeText } from "../components/NoticeText.js";
import { Sources } from "../components/Sources.js";
import { Status } from "../components/Status.js";
import { Tags } from "../components/Tags.js";
import { TlpBadge } from "../components/Tlp.js";
import { useApi } from "../data.js";
import { t } from "../i18n.js";
import { canCorrect, useSession } from "../session.js";
import type { IncidentDetail } from "../types.js";
import { navigate } from "../url.js";

/** Each field's findings across the notices, most confident first. */
function evidenceOf(d: IncidentDetail): Map<string, Located[]> {
  const out = new Map<string, Located[]>();
  for (const n of d.notices) for (const f of n.findings) {
    const list = out.get(f.field) ?? [];
    list.push({ notice: n.id, finding: f });
    out.set(f.field, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.finding.confidence - a.finding.confidence);
  return out;
}

/** Download buttons for the STIX and MISP exports. */
function Exports({ id }: { id: string }) {
  const [error, setError] = useState<string>();
  return (
    <div class="exports">
      {(["stix", "misp"] as const).map((format) => (
        <button key={format} type="button" onClick={() => download(`/incidents/${id}/export`, { format }).catch((e: Error) => setError(e.message))}>{t(`incident.export.${format}`)}</button>
      ))}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

/** The incident page: fields with confidence beside the notice text, sources, related incidents, tags, history; analysts correct, merge, unmerge. */
export function IncidentPage({ id }: { id: string }) {
  const me = useSession();
  const res = useApi<IncidentDetail>(`/incidents/${id}`);
  const [fresh, setFresh] = useState<IncidentDetail | null>(null);
  const [round, setRound] = useState(0);
  const [selected, setSelected] = useState<{ field: string; index: number } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => { setFresh(null); setSelected(null); setShown(null); }, [id, me.user?.name]);
  const d = fresh ?? res.data;
  const evidence = useMemo(() => (d ? evidenceOf(d) : new Map<string, Located[]>()), [d]);
  useEffect(() => {
    if (d && d.id !== id) navigate(`/incidents/${d.id}`, {}, { replace: true });
  }, [d, id]);
  if (!d) return <Status loading={res.loading} error={res.error} />;
  const pick = selected ? evidence.get(selected.field)?.[selected.index] : undefined;
  const notice = d.notices.find((n) => n.id === (pick?.notice ?? shown)) ?? d.notices[0];
  const select = (field: string) => {
    const same = selected?.field === field;
    const index = same ? (selected.index + 1) % (evidence.get(field)?.length ?? 1) : 0;
    setSelected({ field, index });
  };
  const changed = (next: IncidentDetail | null) => {
    if (next) setFresh(next);
    else res.reload();
    setRound((r) => r + 1);
  };
  const editable = canCorrect(me);
  return (
    <article class="incident">
      <header class="incident-head">
        <p class="crumbs"><Link href="/search">{t("incident.back")}</Link></p>
        <h1>{d.organization ?? t("list.unknownOrg")}</h1>
        <p class="title">{d.title}</p>
        <div class="head-meta">
          <TlpBadge tlp={d.tlp} />
          <span>{d.id}</span>
          <Exports id={d.id} />
        </div>
      </header>
      <div class="incident-body">
        <section class="panel fields-panel" aria-labelledby="h-fields">
          <h2 id="h-fields">{t("incident.fields")}</h2>
          <p id="fields-help" class="hint">{t("incident.fieldsHelp")}</p>
          <FieldTable incident={d} evidence={evidence} selected={selected} onSelect={select} editable={editable}
            onCorrected={(next) => changed(next)} />
        </section>
        <section class="panel notice-panel" aria-labelledby="h-notice">
          <h2 id="h-notice">{t("incident.notice")}</h2>
          {notice && <p class="notice-title">{notice.title}</p>}
          {pick && <p class="hint" role="status">{t("incident.showing", { field: t(`field.${pick.finding.field}`), rule: pick.finding.rule, n: Math.round(pick.finding.confidence * 100) })}</p>}
          {notice && <NoticeText key={notice.id} notice={notice} mark={pick && pick.notice === notice.id ? pick.finding.span : null} />}
        </section>
      </div>
      <div class="incident-more">
        <section class="panel" aria-labelledby="h-sources">
          <h2 id="h-sources">{t("incident.sources", { n: d.notices.length })}</h2>
          <Sources notices={d.notices} shown={notice?.id ?? ""} onShow={(n) => { setSelected(null); setShown(n); }} />
        </section>
        <section class="panel" aria-labelledby="h-related">
          <h2 id="h-related">{t("incident.related")}</h2>
          {d.related.length ? (
            <ul class="related">{d.related.map((r) => <li key={r.id}><Link href={`/incidents/${r.id}`}>{r.organization ?? r.title}</Link> <span class="why">{r.reason}</span></li>)}</ul>
          ) : <p class="empty">{t("incident.noRelated")}</p>}
        </section>
        <section class="panel" aria-labelledby="h-indicators">
          <h2 id="h-indicators">{t("incident.indicators")}</h2>
          {d.fields.indicators.length ? (
            <ul class="indicators">{d.fields.indicators.map((x) => <li key={x}><code>{x}</code></li>)}</ul>
          ) : <p class="empty">{t("incident.noIndicators")}</p>}
        </section>
        <section class="panel" aria-labelledby="h-tags">
          <h2 id="h-tags">{t("incident.tags")}</h2>
          <Tags tags={d.tags} />
        </section>
        {editable && (
          <section class="panel" aria-labelledby="h-merge">
            <h2 id="h-merge">{t("merge.title")}</h2>
            <MergePanel incident={d} onChanged={changed} />
          </section>
        )}
        <section class="panel" aria-labelledby="h-history">
          <h2 id="h-history">{t("incident.history")}</h2>
          <History key={round} id={d.id} />
        </section>
      </div>
    </article>
  );
}
