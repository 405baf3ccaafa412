import { useState } from "preact/hooks";
import { t } from "../i18n.js";
import { signIn } from "../session.js";
import { navigate } from "../url.js";

/** Sign in with an API token (`jikenbo user add NAME --role …` prints one). */
export function SignInPage() {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token.trim());
      const back = new URLSearchParams(location.search).get("back");
      navigate(back?.startsWith("/") && !back.startsWith("//") ? back : "/");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="signin-page narrow">
      <h1>{t("signin.title")}</h1>
      <p>{t("signin.intro")}</p>
      <form onSubmit={submit}>
        <label for="token">{t("signin.token")}</label>
        <input id="token" name="token" type="password" autocomplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <p class="hint">{t("signin.hint")}</p>
        {error && <p class="error" role="alert">{t("signin.failed", { message: error })}</p>}
        <button type="submit" class="primary" disabled={busy || !token.trim()}>{t("signin.submit")}</button>
      </form>
    </section>
  );
}
