import { useState } from "preact/hooks";
import { download } from "../api.js";
import { t } from "../i18n.js";
import type { Notice } from "../types.js";

/** A source as a link when it is a web address (opened without referrer or opener), else as text. */
function SourceName({ source }: { source: string }) {
  return /^https?:\/\//i.test(source)
    ? <a href={source} rel="noopener noreferrer nofollow" target="_blank">{source}</a>
    : <span class="path">{source}</span>;
}

/** Every notice of the incident: where and when it was read, why it belongs, and its archived original. */
export function Sources({ notices, shown, onShow }: { notices: Notice[]; shown: string; onShow: (id: string) => void }) {
  const [error, setError] = useState<string>();
  return (
    <>
      <ol class="sources">
        {notices.map((n, i) => (
          <li key={n.id} class={n.id === shown ? "current" : undefined}>
            <p class="source-title">{i === 0 ? t("sources.first") : t("sources.followUp")}: {n.title}</p>
            <p><SourceName source={n.source} /></p>
            <p class="meta">{t("sources.fetched", { at: n.fetched_at.replace("T", " ").slice(0, 16) })} · {t(`kind.${n.kind}`)}{n.link && i > 0 ? ` · ${t("sources.linked", { reason: n.link.reason })}` : ""}</p>
            <div class="buttons">
              <button type="button" aria-pressed={n.id === shown} onClick={() => onShow(n.id)}>{t("sources.showText")}</button>
              <button type="button" onClick={() => download(`/documents/${n.document}/raw`).catch((e: Error) => setError(e.message))}>{t("sources.original")}</button>
            </div>
          </li>
        ))}
      </ol>
      {error && <p class="error" role="alert">{error}</p>}
    </>
  );
}
