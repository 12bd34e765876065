import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import { getDb } from "~/utils/db.server";
import { loadRoundAnalysis } from "~/utils/round-analysis.server";
import { analysisTable, AnalysisTableSchema, loadAnalysisLabels, toCsv } from "~/utils/round-tables.server";
import { loadRound } from "~/utils/rounds.server";

const ParamsSchema = z.object({ roundId: z.string().min(1).max(100), table: z.string().max(50) });

/** The numbers behind one of the analysis page's charts, as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const { roundId, table } = ParamsSchema.parse(params);
  const id = AnalysisTableSchema.safeParse(table);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const round = await loadRound(db, roundId);
  const stored = round ? await loadRoundAnalysis(db, round.context) : null;
  if (!round || !stored) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const csv = toCsv(analysisTable(stored, id.data, locale, await loadAnalysisLabels(db, stored, locale)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${roundId}-${id.data}.csv"`,
    },
  });
}
