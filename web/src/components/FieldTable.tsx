import { Fragment } from "preact";
import { useState } from "preact/hooks";
import { kinded, type KindedValue } from "../../../src/core/fields.js";
import type { Field } from "../../../src/core/types.js";
import { EDITORS, FIELD_ORDER, showValue } from "../fields.js";
import { t } from "../i18n.js";
import type { Finding, IncidentDetail } from "../types.js";
import { CorrectForm } from "./CorrectForm.js";

/** A finding and the notice it was read from. */
export interface Located {
  notice: string;
  finding: Finding;
}

/** Every field with its value, confidence and whether an analyst corrected it; a field with evidence is a button that shows its words. */
export function FieldTable({ incident, evidence, selected, onSelect, editable, onCorrected }: {
  incident: IncidentDetail;
  evidence: Map<string, Located[]>;
  selected: { field: string; index: number } | null;
  onSelect: (field: string) => void;
  editable: boolean;
  onCorrected: (d: IncidentDetail) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const corrected = new Set(incident.overrides.map((o) => o.field));
  const rows: (Field | "tlp")[] = [...FIELD_ORDER, "tlp"];
  return (
    <table class="fields">
      <caption class="sr-only">{t("incident.fields")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("incident.field")}</th><th scope="col">{t("incident.value")}</th><th scope="col">{t("incident.confidenceHead")}</th>
          {editable && <th scope="col"><span class="sr-only">{t("incident.actions")}</span></th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((field) => {
          const value: KindedValue = field === "tlp" ? { kind: "choice", value: incident.tlp } : kinded(incident.fields, field);
          const lines = field === "tlp" ? [`TLP:${incident.tlp}`] : showValue(field, value);
          const editor = EDITORS[field];
          const found = evidence.get(field) ?? [];
          const conf = found.length ? Math.max(...found.map((f) => f.finding.confidence)) : null;
          const isSelected = selected?.field === field;
          const override = incident.overrides.findLast((o) => o.field === field);
          return (
            <Fragment key={field}>
            <tr id={`field-${field}`} class={isSelected ? "selected" : undefined}>
              <th scope="row">
                {found.length ? (
                  <button type="button" class="field-name" aria-pressed={isSelected} onClick={() => onSelect(field)}
                    aria-describedby="fields-help">{t(`field.${field}`)}{isSelected && found.length > 1 ? ` (${selected!.index + 1}/${found.length})` : ""}</button>
                ) : <span class="field-name">{t(`field.${field}`)}</span>}
              </th>
              <td>
                {lines.length ? <ul class="value">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : <span class="none">{t("common.none")}</span>}
                {override && <p class="corrected">{t("incident.correctedBy", { who: override.who, at: override.at.slice(0, 10) })}{override.why ? ` — ${override.why}` : ""}</p>}
              </td>
              <td class="conf">{corrected.has(field) ? t("incident.corrected") : conf === null ? "—" : `${Math.round(conf * 100)}%`}</td>
              {editable && (
                <td class="act">
                  {editor && (
                    <button type="button" class="small" aria-expanded={editing === field} aria-controls={`edit-${field}-row`}
                      aria-label={t("correct.open", { field: t(`field.${field}`) })} onClick={() => setEditing(editing === field ? null : field)}>{t("correct.button")}</button>
                  )}
                </td>
              )}
            </tr>
            {editable && editor && editing === field && (
              <tr id={`edit-${field}-row`} class="edit-row">
                <td colSpan={4}>
                  <CorrectForm incident={incident.id} field={field} editor={editor} value={value} corrected={corrected.has(field)}
                    onDone={(d) => { setEditing(null); onCorrected(d); }} onCancel={() => setEditing(null)} />
                </td>
              </tr>
            )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
