import { lang, t } from "../i18n.js";
import type { Tag } from "../types.js";

/** The taxonomies shown, in order, and which tags belong to each. */
const GROUPS: [string, (tag: Tag) => boolean][] = [
  ["attack", (x) => x.taxonomy === "attack"],
  ["veris", (x) => x.taxonomy.startsWith("veris_")],
  ["basics", (x) => x.taxonomy === "basics"],
  ["tsr", (x) => x.taxonomy === "tsr_cause" || x.taxonomy === "tsr_medium"],
  ["tlp", (x) => x.taxonomy === "tlp"],
];

/** ATT&CK, VERIS, basics, TSR and TLP tags, each with its confidence and (on hover and for screen readers) the reason. */
export function Tags({ tags }: { tags: Tag[] }) {
  const groups = GROUPS.map(([name, has]) => [name, tags.filter(has)] as const).filter(([, list]) => list.length);
  if (groups.length === 0) return <p class="empty">{t("incident.noTags")}</p>;
  return (
    <dl class="tags">
      {groups.map(([name, list]) => (
        <div key={name}>
          <dt>{t(`tags.${name}`)}</dt>
          <dd>
            <ul>
              {list.map((x) => (
                <li key={`${x.taxonomy}:${x.value}`} class={`tag tag-${name}`} title={x.reason}>
                  {x.label[lang()]}
                  <span class="conf">{t("incident.confidence", { n: Math.round(x.confidence * 100) })}</span>
                  <span class="sr-only">{x.reason}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
