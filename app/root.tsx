import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField } from "~/auth/csrf-field";
import { ROLE_LABELS, type Role } from "~/auth/policy";
import { getCurrentUser } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { translate, type Locale } from "~/i18n/messages";
import { useFocusAfterNavigation } from "~/utils/focus-after-navigation";
import { useNonce } from "~/utils/nonce";
import stylesHref from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// A page title for every page, error pages included (a route's own meta replaces it).
export const meta: MetaFunction = ({ error }) => [{ title: error ? "Livsval – fel / error" : "Livsval" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: await getLocale(request),
    user: user ? { username: user.username, role: user.role, csrfToken: user.csrfToken } : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? "sv";
  const nonce = useNonce();
  const location = useLocation();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const other: Locale = locale === "sv" ? "en" : "sv";
  const here = location.pathname + location.search;
  useFocusAfterNavigation();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t("nav.overview")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/data">{t("nav.data")}</NavLink>
              </li>
              <li>
                <NavLink to="/interventions">{t("nav.interventions")}</NavLink>
              </li>
              <li>
                <NavLink to="/scenarios">{t("nav.scenarios")}</NavLink>
              </li>
              <li>
                <NavLink to="/rounds">{t("nav.rounds")}</NavLink>
              </li>
            </ul>
          </nav>
          <div className="header-tools">
            <div className="account">
              {data?.user ? (
                <Form method="post" action="/logout">
                  <CsrfField />
                  {/* the role on a line of its own: a long role name does not push the language link down */}
                  <span className="who">
                    <span>{translate(locale, "auth.signedInAs", { user: data.user.username })}</span>{" "}
                    <span className="role">{ROLE_LABELS[data.user.role][locale]}</span>
                  </span>{" "}
                  <button type="submit" className="link-button">
                    {t("auth.signOut")}
                  </button>
                </Form>
              ) : (
                <Link to="/login">{t("auth.signIn")}</Link>
              )}
            </div>
            <a
              className="lang-switch"
              lang={other}
              hrefLang={other}
              href={`/lang?to=${other}&redirectTo=${encodeURIComponent(here)}`}
            >
              {t("lang.switch")}
            </a>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? "sv";
  return <ErrorMessage error={error} locale={locale} role={data?.user?.role ?? null} />;
}

/**
 * The shared error view: a per-status title and message in the user's language, never a stack trace.
 * A refusal names the signed-in user's role and who can change it, so the person knows what to do next.
 */
export function ErrorMessage({ error, locale, role }: { error: unknown; locale: Locale; role: Role | null }) {
  let key: Parameters<typeof translate>[1] = "error.unexpected";
  let title: Parameters<typeof translate>[1] = "error.title";
  let message: string | null = null;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) [key, title] = ["error.404", "error.title404"];
    else if (error.status === 403) {
      [key, title] = ["error.403", "error.title403"];
      if (role) message = translate(locale, "error.403role", { role: ROLE_LABELS[role][locale] });
    } else if (error.status === 401) key = "error.401";
    else if (error.status === 400) key = "error.400";
  } else {
    console.error(error);
  }
  return (
    <section className="error" role="alert">
      <h1>{translate(locale, title)}</h1>
      <p>{message ?? translate(locale, key)}</p>
      <p>
        <Link to="/">{translate(locale, "error.back")}</Link>
      </p>
    </section>
  );
}
