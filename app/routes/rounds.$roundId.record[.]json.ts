import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { getDb } from "~/utils/db.server";
import { buildDecisionRecord } from "~/utils/round-record.server";
import { requireRound } from "~/utils/rounds.server";

/** The decision record as JSON (`livsval.decision-record/1`). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const db = getDb();
  const round = await requireRound(db, params);
  return new Response(JSON.stringify(await buildDecisionRecord(db, round), null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${round.id}-decision-record.json"`,
    },
  });
}
