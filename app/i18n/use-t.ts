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

/** The user's language in a route's `meta` (which has no hooks): the root loader's, Swedish before it has loaded. */
export function metaLocale(matches: readonly { id: string; data: unknown }[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return root?.locale === "en" ? "en" : "sv";
}

/** A page title in the user's language for a route's `meta`: "<message> – Livsval". */
export function metaTitle(
  matches: readonly { id: string; data: unknown }[],
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  return `${translate(metaLocale(matches), key, vars)} – Livsval`;
}
