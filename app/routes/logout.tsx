import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { endSession, getCurrentUser, verifyCsrf } from "~/auth/session.server";

export async function loader(_args: LoaderFunctionArgs) {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) verifyCsrf(request, await request.formData(), user);
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
