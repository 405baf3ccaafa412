import { useState } from "preact/hooks";
import { sendJson } from "../api.js";
import { CAUSE_CATEGORIES, EDITORS } from "../fields.js";
import { t, term } from "../i18n.js";
import type { IncidentDetail } from "../types.js";

/** The editor's starting text for a value. */
function initial(field: string, value: unknown): Record<string, string | string[]> {
  const ed = EDITORS[field]!;
  switch (ed.kind) {
    case "multi": return { list: Array.isArray(value) ? (value as string[]) : [] };
    case "lines": return { text: Array.isArray(value) ? (value as string[]).join("\n") : "" };
    case "period": {
      const p = value as { from: string | null; to: string | null } | null;
      return { from: p?.from ?? "", to: p?.to ?? "" };
    }
    case "cause": {
      const c = value as { text: string; category: string } | null;
      return { text: c?.text ?? "", category: c?.category ?? "unknown" };
    }
    default: return { text: value === null || value === undefined ? "" : String(value) };
  }
}

/** The value the API expects from the editor's state (null clears the field). */
function parse(field: string, s: Record<string, string | string[]>): unknown {
  const ed = EDITORS[field]!;
  const text = String(s.text ?? "").trim();
  switch (ed.kind) {
    case "multi": return s.list;
    case "lines": return text.split("\n").map((l) => l.trim()).filter(Boolean);
    case "period": return s.from || s.to ? { from: s.from || null, to: s.to || null } : null;
    case "cause": return text ? { text, category: s.category } : null;
    case "number": return text === "" ? null : Number(text);
    default: return text === "" ? null : text;
  }
}

/** The input(s) of one field's editor. */
function Inputs({ field, state, set }: { field: string; state: Record<string, string | string[]>; set: (s: Record<string, string | string[]>) => void }) {
  const ed = EDITORS[field]!;
  const id = `edit-${field}`;
  const label = <label for={id}>{t("correct.newValue")}</label>;
  switch (ed.kind) {
    case "multi": {
      const list = state.list as string[];
      return (
        <fieldset class="checks">
          <legend>{t("correct.newValue")}</legend>
          {ed.options.map((o) => (
            <label key={o}>
              <input type="checkbox" checked={list.includes(o)} onChange={(e) => set({ list: e.currentTarget.checked ? [...list, o] : list.filter((x) => x !== o) })} />
              {term(ed.vocab, o)}
            </label>
          ))}
        </fieldset>
      );
    }
    case "choice":
      return (
        <>{label}
          <select id={id} value={String(state.text)} onChange={(e) => set({ text: e.currentTarget.value })}>
            {ed.vocab !== "tlp" && <option value="">{t("correct.none")}</option>}
            {ed.options.map((o) => <option key={o} value={o}>{ed.vocab === "tlp" ? `TLP:${o}` : term(ed.vocab, o)}</option>)}
          </select>
        </>
      );
    case "lines":
      return <>{label}<textarea id={id} rows={4} value={String(state.text)} onInput={(e) => set({ text: e.currentTarget.value })} /><p class="hint">{t("correct.onePerLine")}</p></>;
    case "period":
      return (
        <div class="row">
          <span><label for={`${id}-from`}>{t("correct.from")}</label><input id={`${id}-from`} type="date" value={String(state.from)} onInput={(e) => set({ ...state, from: e.currentTarget.value })} /></span>
          <span><label for={`${id}-to`}>{t("correct.to")}</label><input id={`${id}-to`} type="date" value={String(state.to)} onInput={(e) => set({ ...state, to: e.currentTarget.value })} /></span>
        </div>
      );
    case "cause":
      return (
        <>
          {label}<input id={id} type="text" value={String(state.text)} onInput={(e) => set({ ...state, text: e.currentTarget.value })} />
          <label for={`${id}-cat`}>{t("correct.category")}</label>
          <select id={`${id}-cat`} value={String(state.category)} onChange={(e) => set({ ...state, category: e.currentTarget.value })}>
            {CAUSE_CATEGORIES.map((c) => <option key={c} value={c}>{term("cause", c)}</option>)}
          </select>
        </>
      );
    default:
      return <>{label}<input id={id} type={ed.kind} min={ed.kind === "number" ? 0 : undefined} value={String(state.text)} onInput={(e) => set({ text: e.currentTarget.value })} /></>;
  }
}

/** Correct one field in place, with a reason; or withdraw an earlier correction. */
export function CorrectForm({ incident, field, value, corrected, onDone, onCancel }: {
  incident: string; field: string; value: unknown; corrected: boolean; onDone: (d: IncidentDetail) => void; onCancel: () => void;
}) {
  const [state, setState] = useState(() => initial(field, value));
  const [why, setWhy] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await sendJson<IncidentDetail>("PATCH", `/incidents/${incident}`, { ...body, why: why.trim() }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="correct" onSubmit={(e) => { e.preventDefault(); void send({ changes: { [field]: parse(field, state) } }); }}>
      <Inputs field={field} state={state} set={setState} />
      <label for={`why-${field}`}>{t("correct.why")}</label>
      <textarea id={`why-${field}`} rows={2} required value={why} onInput={(e) => setWhy(e.currentTarget.value)} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || !why.trim()}>{t("correct.save")}</button>
        {corrected && <button type="button" disabled={busy || !why.trim()} onClick={() => void send({ revert: field })}>{t("correct.revert")}</button>}
        <button type="button" onClick={onCancel}>{t("common.cancel")}</button>
      </div>
    </form>
  );
}
