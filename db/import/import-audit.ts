import { appendAuditEvent } from "../repositories/audit-repository";
import type { Db } from "../schema";
import type { ImportAuditEvent } from "./run-import";

/** Append the "dataset imported" event to the audit chain, in the import's own transaction. */
export async function recordImport(trx: Db, event: ImportAuditEvent): Promise<void> {
  await appendAuditEvent(
    trx,
    {
      user_id: event.userId,
      action: "dataset.imported",
      entity: "dataset",
      entity_id: event.datasetId,
      reason: null,
      payload: {
        kind: event.kind,
        file: event.file,
        sha256: event.sha256,
        rows: event.rows,
        inserted: event.inserted,
      },
    },
    { at: event.at },
  );
}
