import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { getDb } from "~/utils/db.server";
import { buildDecisionRecord, decisionRecordMarkdown } from "~/utils/round-record.server";
import { requireRound } from "~/utils/rounds.server";

/** The decision record as Markdown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rounds.view");
  const db = getDb();
  const round = await requireRound(db, params);
  return new Response(decisionRecordMarkdown(await buildDecisionRecord(db, round)), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${round.id}-decision-record.md"`,
    },
  });
}
