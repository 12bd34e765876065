import { useRouteLoaderData } from "@remix-run/react";
import { translate, type Locale, type MessageKey } from "./messages";

/** The current language, from the root loader. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "sv";
}

/** A translate function bound to the current language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, vars) => translate(locale, key, vars);
}
