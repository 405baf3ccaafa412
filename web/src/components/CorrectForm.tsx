import { useState } from "preact/hooks";
import { sendJson } from "../api.js";
import type { KindedValue } from "../../../src/core/fields.js";
import type { Editor } from "../fields.js";
import { t, term } from "../i18n.js";
import type { IncidentDetail } from "../types.js";

/** What an editor holds while the analyst types: the text, the terms ticked, the dates of a period, a cause's category. */
interface EditState {
  text: string;
  list: readonly string[];
  from: string;
  to: string;
  category: string;
}

/** The editor's starting state for a value. */
function initial(v: KindedValue): EditState {
  const s: EditState = { text: "", list: [], from: "", to: "", category: "unknown" };
  switch (v.kind) {
    case "enum-list": return { ...s, list: v.value };
    case "text-list": return { ...s, text: v.value.join("\n") };
    case "counts": return { ...s, text: v.value.map((c) => c.text).join("\n") };
    case "period": return { ...s, from: v.value?.from ?? "", to: v.value?.to ?? "" };
    case "cause": return { ...s, text: v.value?.text ?? "", category: v.value?.category ?? "unknown" };
    case "count": return { ...s, text: v.value === null ? "" : String(v.value) };
    default: return { ...s, text: v.value ?? "" };
  }
}

/** The value the API expects from the editor's state (null clears the field). */
function parse(ed: Editor, s: EditState): unknown {
  const text = s.text.trim();
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
function Inputs({ field, ed, state, set }: { field: string; ed: Editor; state: EditState; set: (s: EditState) => void }) {
  const id = `edit-${field}`;
  const label = <label for={id}>{t("correct.newValue")}</label>;
  switch (ed.kind) {
    case "multi": {
      const list = state.list;
      return (
        <fieldset class="checks">
          <legend>{t("correct.newValue")}</legend>
          {ed.options.map((o) => (
            <label key={o}>
              <input type="checkbox" checked={list.includes(o)} onChange={(e) => set({ ...state, list: e.currentTarget.checked ? [...list, o] : list.filter((x) => x !== o) })} />
              {term(ed.terms, o)}
            </label>
          ))}
        </fieldset>
      );
    }
    case "choice":
      return (
        <>{label}
          <select id={id} value={state.text} onChange={(e) => set({ ...state, text: e.currentTarget.value })}>
            {ed.clearable && <option value="">{t("correct.none")}</option>}
            {ed.options.map((o) => <option key={o} value={o}>{ed.terms === "tlp" ? `TLP:${o}` : term(ed.terms, o)}</option>)}
          </select>
        </>
      );
    case "lines":
      return <>{label}<textarea id={id} rows={4} value={state.text} onInput={(e) => set({ ...state, text: e.currentTarget.value })} /><p class="hint">{t("correct.onePerLine")}</p></>;
    case "period":
      return (
        <div class="row">
          <span><label for={`${id}-from`}>{t("correct.from")}</label><input id={`${id}-from`} type="date" value={state.from} onInput={(e) => set({ ...state, from: e.currentTarget.value })} /></span>
          <span><label for={`${id}-to`}>{t("correct.to")}</label><input id={`${id}-to`} type="date" value={state.to} onInput={(e) => set({ ...state, to: e.currentTarget.value })} /></span>
        </div>
      );
    case "cause":
      return (
        <>
          {label}<input id={id} type="text" value={state.text} onInput={(e) => set({ ...state, text: e.currentTarget.value })} />
          <label for={`${id}-cat`}>{t("correct.category")}</label>
          <select id={`${id}-cat`} value={state.category} onChange={(e) => set({ ...state, category: e.currentTarget.value })}>
            {ed.categories.map((c) => <option key={c} value={c}>{term("cause", c)}</option>)}
          </select>
        </>
      );
    default:
      return <>{label}<input id={id} type={ed.kind} min={ed.kind === "number" ? 0 : undefined} value={state.text} onInput={(e) => set({ ...state, text: e.currentTarget.value })} /></>;
  }
}

/** Correct one field in place, with a reason; or withdraw an earlier correction. */
export function CorrectForm({ incident, field, editor, value, corrected, onDone, onCancel }: {
  incident: string; field: string; editor: Editor; value: KindedValue; corrected: boolean; onDone: (d: IncidentDetail) => void; onCancel: () => void;
}) {
  const [state, setState] = useState(() => initial(value));
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
    <form class="correct" onSubmit={(e) => { e.preventDefault(); void send({ changes: { [field]: parse(editor, state) } }); }}>
      <Inputs field={field} ed={editor} state={state} set={setState} />
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
