import { useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { Role } from "~/auth/policy";
import { useLocale } from "~/i18n/use-t";
import { ErrorMessage } from "~/root";

/** The pages' route boundary: the shared per-status message, inside the page layout. */
export function PageErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  const root = useRouteLoaderData<{ user?: { role: Role } | null }>("root");
  return <ErrorMessage error={error} locale={locale} role={root?.user?.role ?? null} />;
}
