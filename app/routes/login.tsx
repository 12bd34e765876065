import {
  redirect,
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { findUserByUsername } from "../../db/repositories/user-repository";
import { verifyPassword } from "~/auth/password.server";
import { signInLimiters } from "~/auth/rate-limit.server";
import { getCurrentUser, startSession } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { getConfig } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";

const SignInSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  redirectTo: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)/)
    .catch("/"),
});

const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

// Retry-After from a throttled sign-in reaches the response.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) return redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const origin = request.headers.get("Origin");
  if (origin && origin !== new URL(request.url).origin) throw new Response("Forbidden", { status: 403 });
  const parsed = SignInSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: translate(locale, "auth.required") }, { status: 400 });
  const { username, password, redirectTo } = parsed.data;
  // failures count per username and per client address (server.js: the socket's, X-Forwarded-For
  // only behind LIVSVAL_TRUST_PROXY), the address with a higher limit
  const limiters = signInLimiters(getConfig().LIVSVAL_SIGNIN_ATTEMPTS);
  const userKey = username.toLowerCase();
  const addressKey = context.clientAddress ?? "unknown";
  const wait = Math.max(limiters.user.retryAfter(userKey), limiters.address.retryAfter(addressKey));
  if (wait > 0) {
    return data(
      { error: translate(locale, "auth.throttled", { seconds: wait }) },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const user = await findUserByUsername(getDb(), username);
  // Verify against a dummy hash for unknown users too, so timing does not tell which usernames exist.
  const ok =
    (await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)) &&
    user !== null &&
    user.disabled === 0;
  if (!ok || !user) {
    limiters.user.fail(userKey);
    limiters.address.fail(addressKey);
    return data({ error: translate(locale, "auth.failed") }, { status: 401 });
  }
  limiters.user.reset(userKey);
  return redirect(redirectTo, { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="narrow">
      <h1>{t("auth.signIn")}</h1>
      <p>{t("auth.intro")}</p>
      <Form method="post" aria-describedby={actionData?.error ? "signin-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {actionData?.error ? (
          <p id="signin-error" className="field-error" role="alert">
            {actionData.error}
          </p>
        ) : null}
        <p>
          <label htmlFor="username">{t("auth.username")}</label>
          <br />
          <input id="username" name="username" autoComplete="username" required maxLength={100} />
        </p>
        <p>
          <label htmlFor="password">{t("auth.password")}</label>
          <br />
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </p>
        <button type="submit" disabled={busy}>
          {t("auth.signIn")}
        </button>
      </Form>
    </section>
  );
}
