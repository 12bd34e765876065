// A second process appending audit events to a shared SQLite file, for the concurrency test.
// usage: node --import tsx append-worker.ts <file> <name> <count>
import { createDb } from "../../../../db/connection";
import { appendAuditEvent } from "../../../../db/repositories/audit-repository";

const [file, name, count] = process.argv.slice(2);
const db = createDb(file);
try {
  for (let i = 0; i < Number(count); i++) {
    await appendAuditEvent(db, {
      action: "worker.append",
      entity: "worker",
      entity_id: name!,
      payload: { i },
    });
  }
} finally {
  await db.destroy();
}
