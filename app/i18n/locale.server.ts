import { createCookie } from "@remix-run/node";
import { getConfig } from "~/utils/config.server";
import type { Locale } from "./messages";

export const localeCookie = createCookie("lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  // as the session cookie: from the zod-checked configuration
  secure: getConfig().NODE_ENV === "production" && getConfig().LIVSVAL_INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * 365,
});

/** The request's language: `?lang=` first, then the cookie, then Swedish. */
export async function getLocale(request: Request): Promise<Locale> {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (fromQuery === "en" || fromQuery === "sv") return fromQuery;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return fromCookie === "en" ? "en" : "sv";
}
