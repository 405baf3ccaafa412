import { useEffect, useRef } from "preact/hooks";
import { LazyPage } from "./components/LazyPage.js";
import { Link } from "./components/Link.js";
import { LANGS, t, useLang } from "./i18n.js";
import { HomePage } from "./pages/Home.js";
import { IncidentPage } from "./pages/Incident.js";
import { ReportPage, ReportsIndex } from "./pages/Reports.js";
import { SearchPage } from "./pages/Search.js";
import { SignInPage } from "./pages/SignIn.js";
import { signOut, useSession } from "./session.js";
import { useRoute } from "./url.js";

/** The dashboard and the graph, loaded on first visit (Chart.js and cytoscape stay out of the first page load). */
const loadStats = () => import("./pages/Stats.js").then((m) => m.StatsPage);
const loadGraph = () => import("./pages/Graph.js").then((m) => m.GraphPage);

const NAV = [["/", "nav.home"], ["/search", "nav.search"], ["/stats", "nav.stats"], ["/graph", "nav.graph"], ["/reports", "nav.reports"]] as const;

/** The page a path shows, and its title key. */
function route(path: string): { page: preact.ComponentChild; title: string } {
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident) return { page: <IncidentPage id={decodeURIComponent(incident[1]!)} />, title: "nav.incident" };
  const report = /^\/reports\/(?:(monthly)\/(\d{4}-\d{2})|(annual|lessons)\/(\d{4}))$/.exec(path);
  if (report) {
    const kind = (report[1] ?? report[3]) as "monthly" | "annual" | "lessons";
    return { page: <ReportPage key={path} kind={kind} period={report[2] ?? report[4]!} />, title: "nav.reports" };
  }
  switch (path) {
    case "/": return { page: <HomePage />, title: "nav.home" };
    case "/search": return { page: <SearchPage />, title: "nav.search" };
    case "/stats": return { page: <LazyPage load={loadStats} />, title: "nav.stats" };
    case "/graph": return { page: <LazyPage load={loadGraph} />, title: "nav.graph" };
    case "/reports": return { page: <ReportsIndex />, title: "nav.reports" };
    case "/signin": return { page: <SignInPage />, title: "nav.signin" };
    default: return { page: <p class="empty">{t("app.notFound")}</p>, title: "app.notFound" };
  }
}

/** The language switch: one button per language, the current one pressed. */
function LangSwitch() {
  const [lang, setLang] = useLang();
  return (
    <div class="lang" role="group" aria-label={t("app.language")}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>{t(`app.lang.${l}`)}</button>
      ))}
    </div>
  );
}

/** Signed-in user and role, or the sign-in link. */
function Account() {
  const me = useSession();
  if (!me.user) return <Link class="signin" href="/signin">{t("nav.signin")}</Link>;
  return (
    <div class="account">
      <span class="who">{t("app.signedInAs", { name: me.user.name, role: t(`role.${me.user.role}`) })}</span>
      <button type="button" onClick={signOut}>{t("app.signOut")}</button>
    </div>
  );
}

/** The whole UI: skip link, header with navigation, language switch and account, and the routed page. */
export function App() {
  useLang();
  const { path } = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const { page, title } = route(path);
  useEffect(() => {
    document.title = `${t(title)} · ${t("app.name")}`;
  });
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    scrollTo(0, 0);
    main.current?.focus();
  }, [path]);
  const section = path.startsWith("/incidents/") ? "/search" : path.startsWith("/reports/") ? "/reports" : path;
  return (
    <>
      <a class="skip" href="#main">{t("app.skip")}</a>
      <header class="top">
        <Link class="brand" href="/"><span lang="ja">{t("app.brand")}</span> <span class="brand-sub">{t("app.tagline")}</span></Link>
        <nav aria-label={t("nav.label")}>
          <ul>
            {NAV.map(([to, key]) => (
              <li key={to}><Link href={to} aria-current={section === to ? "page" : undefined}>{t(key)}</Link></li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <LangSwitch />
          <Account />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>{page}</main>
      <footer class="foot"><p>{t("app.footer")}</p></footer>
    </>
  );
}
