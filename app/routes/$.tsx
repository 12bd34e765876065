// Any path no other route matches: a 404 thrown here, below the root route, so that the root loader
// runs and the error page is in the user's language (<html lang> included; WCAG 3.1.1).
export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export { PageErrorBoundary as ErrorBoundary } from "~/components/pages/page-error-boundary";
