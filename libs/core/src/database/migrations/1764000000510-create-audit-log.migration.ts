import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1764000000510 implements MigrationInterface {
  name = 'CreateAuditLog1764000000510';

  async up(q: QueryRunner): Promise<void> {
    // Append-only: who (actor), when, what, old → new; territory_code lets scope managers browse their part.
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_kind text NOT NULL DEFAULT 'user' CHECK (actor_kind IN ('user', 'token', 'system', 'anonymous')),
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        old jsonb,
        new jsonb,
        territory_code text
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log(at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log(subject_type, subject_id)`);
    await q.query(`CREATE INDEX audit_log_territory_idx ON audit_log(territory_code)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log(actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
