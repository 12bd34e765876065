import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { getDb } from "~/utils/db.server";
import { buildDecisionRecord, decisionRecordMarkdown } from "~/utils/round-record.server";
import { loadRound } from "~/utils/rounds.server";

const ParamsSchema = z.object({ roundId: z.string().min(1).max(100) });

/** The decision record as Markdown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const { roundId } = ParamsSchema.parse(params);
  const db = getDb();
  const round = await loadRound(db, roundId);
  if (!round) throw new Response("Not found", { status: 404 });
  return new Response(decisionRecordMarkdown(await buildDecisionRecord(db, round)), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${roundId}-decision-record.md"`,
    },
  });
}
