/* eslint-disable @typescript-eslint/no-explicit-any -- migrations take Kysely<any>: frozen in time, they never see app types */
import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen in time: this file never imports app types; later changes go into new migrations.
// The audit log is append-only: triggers refuse UPDATE and DELETE (and TRUNCATE in PostgreSQL).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('viewer', 'analyst', 'budget_planner', 'committee', 'admin')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`disabled in (0, 1)`),
    )
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();

  // user_id is deliberately not a foreign key: the log must outlive the users it names.
  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "integer", (c) => c.primaryKey().check(sql`seq >= 1`))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("from_state", "text")
    .addColumn("to_state", "text")
    .addColumn("reason", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex("audit_events_entity")
    .on("audit_events")
    .columns(["entity", "entity_id"])
    .execute();

  if (isPostgres(db)) {
    await sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % refused', tg_op;
      end;
      $$`.execute(db);
    await sql`create trigger audit_events_no_update_delete before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only: UPDATE refused'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit_events is append-only: DELETE refused'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping the table drops its triggers (the log goes with it; down is for development only).
  await db.schema.dropTable("audit_events").execute();
  if (isPostgres(db)) await sql`drop function audit_events_append_only()`.execute(db);
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("users").execute();
}
