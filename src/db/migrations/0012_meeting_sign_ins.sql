CREATE TABLE "meeting_sign_ins" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	CONSTRAINT "meeting_sign_ins_tenant_id_meeting_id_pk" PRIMARY KEY("tenant_id","meeting_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_sign_ins" ADD CONSTRAINT "meeting_sign_ins_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The sign-in state of the given meetings, recomputed from their attendance. The meetings are
-- locked in key order first (FOR NO KEY UPDATE: attendance inserts, which only take KEY SHARE
-- for their foreign key, go on), so a concurrent refresh of the same meeting waits, and the
-- attendance is read (a new snapshot under READ COMMITTED) after it has committed.
CREATE FUNCTION meeting_sign_ins_refresh(p_tenants uuid[], p_meetings uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM meetings m
    WHERE (m.tenant_id, m.id) IN (SELECT x.t, x.m FROM unnest(p_tenants, p_meetings) AS x(t, m))
    ORDER BY m.tenant_id, m.id FOR NO KEY UPDATE;
  DELETE FROM meeting_sign_ins s
    WHERE (s.tenant_id, s.meeting_id) IN (SELECT x.t, x.m FROM unnest(p_tenants, p_meetings) AS x(t, m));
  INSERT INTO meeting_sign_ins (tenant_id, meeting_id)
    SELECT DISTINCT x.t, x.m FROM unnest(p_tenants, p_meetings) AS x(t, m)
    WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.tenant_id = x.t AND a.meeting_id = x.m AND NOT a.guest)
      AND EXISTS (SELECT 1 FROM meetings m WHERE m.tenant_id = x.t AND m.id = x.m)
    ON CONFLICT DO NOTHING;
END $$;
--> statement-breakpoint
-- Attendance written. A member's row inserted marks its meeting signed (nothing to recompute:
-- an insert can only add a sign-in); rows deleted, or changed in meeting or guest flag, have
-- their meetings recomputed.
CREATE FUNCTION meeting_sign_ins_on_attendance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid[];
  m uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO meeting_sign_ins (tenant_id, meeting_id)
      SELECT DISTINCT n.tenant_id, n.meeting_id FROM new_rows n WHERE NOT n.guest
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.tenant_id), array_agg(x.meeting_id) INTO t, m
      FROM (SELECT DISTINCT tenant_id, meeting_id FROM old_rows) x;
  ELSE
    SELECT array_agg(x.tenant_id), array_agg(x.meeting_id) INTO t, m FROM (
      SELECT DISTINCT c.tenant_id, c.meeting_id FROM (
        (SELECT tenant_id, meeting_id, person_id, guest FROM new_rows
          EXCEPT SELECT tenant_id, meeting_id, person_id, guest FROM old_rows)
        UNION ALL
        (SELECT tenant_id, meeting_id, person_id, guest FROM old_rows
          EXCEPT SELECT tenant_id, meeting_id, person_id, guest FROM new_rows)
      ) c
    ) x;
  END IF;
  IF t IS NOT NULL THEN PERFORM meeting_sign_ins_refresh(t, m); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_sign_ins_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_sign_ins_on_attendance();
--> statement-breakpoint
CREATE TRIGGER meeting_sign_ins_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_sign_ins_on_attendance();
--> statement-breakpoint
CREATE TRIGGER meeting_sign_ins_delete AFTER DELETE ON attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meeting_sign_ins_on_attendance();
--> statement-breakpoint
-- The attendance recorded before this migration.
INSERT INTO meeting_sign_ins (tenant_id, meeting_id)
  SELECT DISTINCT tenant_id, meeting_id FROM attendance WHERE NOT guest;
