import { num, t } from "../i18n.js";

/** Previous/next paging with the range shown, e.g. "21–40 of 95". */
export function Pager({ offset, limit, total, onPage }: { offset: number; limit: number; total: number; onPage: (offset: number) => void }) {
  if (total <= limit && offset === 0) return null;
  return (
    <nav class="pager" aria-label={t("search.paging")}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>{t("search.prev")}</button>
      <span>{t("search.range", { from: num(offset + 1), to: num(Math.min(total, offset + limit)), total: num(total) })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>{t("search.next")}</button>
    </nav>
  );
}
