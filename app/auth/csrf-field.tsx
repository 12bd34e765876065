import { useRouteLoaderData } from "@remix-run/react";

/** The hidden CSRF token every mutating form carries (checked by `verifyCsrf`). */
export function CsrfField() {
  const data = useRouteLoaderData<{ user: { csrfToken: string } | null }>("root");
  return <input type="hidden" name="csrf" value={data?.user?.csrfToken ?? ""} />;
}
