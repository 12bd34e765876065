import { useRouteError } from "@remix-run/react";
import { useLocale } from "~/i18n/use-t";
import { ErrorMessage } from "~/root";

/** The pages' route boundary: the shared per-status message, inside the page layout. */
export function PageErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  return <ErrorMessage error={error} locale={locale} />;
}
