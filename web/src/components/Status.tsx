import { t } from "../i18n.js";

/** What a read is doing: loading, or the error it ended with (announced to screen readers). */
export function Status({ loading, error }: { loading?: boolean; error?: string | undefined }) {
  if (error) return <p class="error" role="alert">{t("common.error", { message: error })}</p>;
  if (loading) return <p class="loading" role="status">{t("common.loading")}</p>;
  return null;
}
