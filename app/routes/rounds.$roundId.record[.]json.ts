import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { getDb } from "~/utils/db.server";
import { buildDecisionRecord } from "~/utils/round-record.server";
import { loadRound } from "~/utils/rounds.server";

const ParamsSchema = z.object({ roundId: z.string().min(1).max(100) });

/** The decision record as JSON (`livsval.decision-record/1`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const { roundId } = ParamsSchema.parse(params);
  const db = getDb();
  const round = await loadRound(db, roundId);
  if (!round) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(await buildDecisionRecord(db, round), null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${roundId}-decision-record.json"`,
    },
  });
}
