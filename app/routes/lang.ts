import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "~/i18n/locale.server";

const QuerySchema = z.object({
  to: z.enum(["sv", "en"]),
  // Only same-site paths: an open redirect would let a link send people elsewhere.
  redirectTo: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)/)
    .catch("/"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response("Bad language", { status: 400 });
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.to) },
  });
}
