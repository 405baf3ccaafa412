import { useEffect, useRef } from "preact/hooks";
import { Status } from "./Status.js";
import { useApi } from "../data.js";
import { t } from "../i18n.js";
import type { DocumentView, Notice, Span } from "../types.js";

/**
 * The archived text of one notice, as plain text, with `mark` (a span of the document's decoded text)
 * highlighted and scrolled into view. Nothing in the notice is ever interpreted as markup.
 */
export function NoticeText({ notice, mark }: { notice: Notice; mark: Span | null }) {
  const doc = useApi<DocumentView>(`/documents/${notice.document}`);
  const marked = useRef<HTMLElement>(null);
  useEffect(() => {
    const m = marked.current;
    if (!m) return;
    // Centre the words in the notice's own scroll box, then scroll the page only if they are out of
    // sight: clicking a field whose words are already on screen never moves the page.
    const box = m.closest("pre");
    if (box && box.scrollHeight > box.clientHeight) box.scrollTop = m.offsetTop - box.offsetTop - (box.clientHeight - m.offsetHeight) / 2;
    m.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [mark, doc.data]);
  if (!doc.data) return <Status loading={doc.loading} error={doc.error} />;
  const text = doc.data.text;
  if (text === null) return <p class="empty">{t("notice.noText")}</p>;
  const [from, to] = notice.span[0] <= (mark?.[0] ?? notice.span[0]) && (mark?.[1] ?? 0) <= notice.span[1] ? notice.span : [0, text.length];
  if (!mark) return <pre class="notice-text" tabIndex={0}>{text.slice(from, to)}</pre>;
  return (
    <pre class="notice-text" tabIndex={0}>
      {text.slice(from, mark[0])}
      <mark id="field-highlight" class="field-hl" ref={marked}>{text.slice(mark[0], mark[1])}</mark>
      {text.slice(mark[1], to)}
    </pre>
  );
}
