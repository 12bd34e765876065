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

/**
 * A page title in the user's language for a route's `meta` (which has no hooks): the root
 * loader's locale from `matches`, Swedish before it has loaded.
 */
export function metaTitle(
  matches: readonly { id: string; data: unknown }[],
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return `${translate(root?.locale === "en" ? "en" : "sv", key, vars)} – Livsval`;
}
