// A signed-in session over plain HTTP (no browser): for tests and benchmarks that talk to the
// built server directly.

/** Sign in through the real form and return the session cookie and the page's CSRF token. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ username, password, redirectTo: "/" }),
  });
  const setCookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !setCookie) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const cookie = setCookie.split(";")[0]!;
  const page = await (await fetch(`${baseUrl}/`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { cookie, csrf };
}
