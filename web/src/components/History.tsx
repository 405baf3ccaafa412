import { Status } from "./Status.js";
import { useApi } from "../data.js";
import { isField } from "../../../src/core/fields.js";
import { asKinded, showValue } from "../fields.js";
import { t } from "../i18n.js";
import type { HistoryEvent } from "../types.js";

/** One event's details as text: the change of a field, and why. */
function describe(e: HistoryEvent): string[] {
  const d = e.detail;
  const out: string[] = [];
  const changed = d.field;
  if (typeof changed === "string") {
    const field = t(`field.${changed}`);
    if (e.action === "edited") {
      const lines = (v: unknown): string[] => {
        if (!isField(changed)) return changed === "tlp" && typeof v === "string" ? [v] : [];
        const value = asKinded(changed, v);
        return value ? showValue(changed, value) : [];
      };
      const show = (v: unknown) => lines(v).join(t("common.listSep")) || t("common.none");
      out.push(t("history.change", { field, from: show(d.from), to: show(d.to) }));
    } else out.push(field);
  }
  if (typeof d.title === "string") out.push(d.title);
  if (d.changes && typeof d.changes === "object") out.push(t("history.fieldsChanged", { fields: Object.keys(d.changes).map((f) => t(`field.${f}`)).join(t("common.listSep")) }));
  // A merge names the incident merged in (on the one kept) or the one it joined; a split the other side.
  const ids = (v: unknown) => (Array.isArray(v) ? v.join(", ") : typeof v === "string" ? v : null);
  const from = ids(d.from), into = ids(d.into);
  if (e.action === "merged" && from) out.push(t("history.mergedFrom", { ids: from }));
  if (e.action === "merged" && into) out.push(t("history.mergedInto", { ids: into }));
  if (e.action === "unmerged" && into) out.push(t("history.splitInto", { ids: into }));
  if (e.action === "split_off" && from) out.push(t("history.splitFrom", { ids: from }));
  if (typeof d.why === "string") out.push(t("history.why", { why: d.why }));
  return out;
}

/** The incident's trail, newest first. */
export function History({ id }: { id: string }) {
  const h = useApi<{ items: HistoryEvent[] }>(`/incidents/${id}/history`);
  if (!h.data) return <Status loading={h.loading} error={h.error} />;
  return (
    <ol class="history">
      {[...h.data.items].reverse().map((e, i) => (
        <li key={i} class={`event event-${e.action}`}>
          <p class="event-head"><strong>{t(`history.${e.action}`)}</strong> <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 16)}</time> <span class="who">{e.who}</span></p>
          {describe(e).map((line, j) => <p key={j}>{line}</p>)}
        </li>
      ))}
    </ol>
  );
}
