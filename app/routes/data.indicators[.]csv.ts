import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { getDb } from "~/utils/db.server";
import { indicatorTableCsv, listIndicatorRows } from "~/utils/pages-data.server";

/** The indicator table as CSV, with the same small-cell suppression as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "data.view");
  const rows = await listIndicatorRows(getDb(), await getLocale(request));
  return new Response(indicatorTableCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="livsval-indicators.csv"',
      "Cache-Control": "no-store",
    },
  });
}
