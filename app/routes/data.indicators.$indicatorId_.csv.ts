import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { getDb } from "~/utils/db.server";
import { findIndicatorDetail, indicatorDetailCsv } from "~/utils/pages-data.server";

const ParamsSchema = z.object({ indicatorId: z.string().min(1).max(200) });

/** One indicator's observations as CSV, small cells suppressed as on the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "data.view");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const detail = await findIndicatorDetail(getDb(), parsed.data.indicatorId, await getLocale(request));
  if (!detail) throw new Response("Not found", { status: 404 });
  const safeName = detail.indicator.id.replace(/[^\w-]/g, "_");
  return new Response(indicatorDetailCsv(detail), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="livsval-${safeName}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
