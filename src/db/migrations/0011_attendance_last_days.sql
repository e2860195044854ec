CREATE TABLE "attendance_last_days" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"last_life" date,
	"last_excused" date,
	"last_attended" date,
	CONSTRAINT "attendance_last_days_tenant_id_person_id_pk" PRIMARY KEY("tenant_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "attendance_last_days" ADD CONSTRAINT "attendance_last_days_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The days of attendance_last_days, recomputed from all attendance of the given people: the same
-- definition as lastDays() in src/db/facts/member.ts (a test compares the two). Each person gets
-- a row first and the rows are locked in key order, so a concurrent writer of the same person
-- waits, and the days are read (a new snapshot under READ COMMITTED) after it has committed.
CREATE FUNCTION attendance_last_days_refresh(p_tenants uuid[], p_people uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO attendance_last_days (tenant_id, person_id)
    SELECT DISTINCT x.t, x.p FROM unnest(p_tenants, p_people) AS x(t, p) ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM attendance_last_days d
    WHERE (d.tenant_id, d.person_id) IN (SELECT x.t, x.p FROM unnest(p_tenants, p_people) AS x(t, p))
    ORDER BY d.tenant_id, d.person_id FOR UPDATE;
  UPDATE attendance_last_days d
    SET last_life = s.last_life, last_excused = s.last_excused, last_attended = s.last_attended
    FROM (
      SELECT x.t, x.p,
        max(m.life_day) FILTER (WHERE a.status IN ('present', 'late')) AS last_life,
        max(m.life_day) FILTER (WHERE a.status = 'leave' AND btrim(coalesce(a.reason, '')) <> '') AS last_excused,
        greatest(max(m.held_day) FILTER (WHERE a.status IN ('present', 'late')),
          (max(a.checked_in_at) AT TIME ZONE 'Asia/Shanghai')::date) AS last_attended
      FROM (SELECT DISTINCT x.t, x.p FROM unnest(p_tenants, p_people) AS x(t, p)) x
      LEFT JOIN (attendance a
        JOIN (SELECT m.tenant_id, m.id,
            CASE WHEN m.status IN ('held', 'recorded') THEN m.held_on END AS held_day,
            CASE WHEN m.status IN ('held', 'recorded') AND o.kind IN ('branch', 'group') THEN m.held_on END AS life_day
          FROM meetings m JOIN orgs o ON o.tenant_id = m.tenant_id AND o.id = m.org_id) m
          ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id)
        ON a.tenant_id = x.t AND a.person_id = x.p AND (a.status <> 'absent' OR a.checked_in_at IS NOT NULL)
      GROUP BY x.t, x.p
    ) s
    WHERE d.tenant_id = s.t AND d.person_id = s.p;
END $$;
--> statement-breakpoint
-- Attendance written: the people of the rows inserted or deleted, or of the rows whose status,
-- reason, check-in or person changed (a make-up recorded later changes none of the days).
CREATE FUNCTION attendance_last_days_on_attendance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid[];
  p uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.tenant_id), array_agg(x.person_id) INTO t, p
      FROM (SELECT DISTINCT tenant_id, person_id FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.tenant_id), array_agg(x.person_id) INTO t, p
      FROM (SELECT DISTINCT tenant_id, person_id FROM old_rows) x;
  ELSE
    SELECT array_agg(x.tenant_id), array_agg(x.person_id) INTO t, p FROM (
      SELECT DISTINCT c.tenant_id, c.person_id FROM (
        (SELECT tenant_id, meeting_id, person_id, status, reason, checked_in_at FROM new_rows
          EXCEPT SELECT tenant_id, meeting_id, person_id, status, reason, checked_in_at FROM old_rows)
        UNION ALL
        (SELECT tenant_id, meeting_id, person_id, status, reason, checked_in_at FROM old_rows
          EXCEPT SELECT tenant_id, meeting_id, person_id, status, reason, checked_in_at FROM new_rows)
      ) c
    ) x;
  END IF;
  IF t IS NOT NULL THEN PERFORM attendance_last_days_refresh(t, p); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendance_last_days_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_last_days_on_attendance();
--> statement-breakpoint
CREATE TRIGGER attendance_last_days_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_last_days_on_attendance();
--> statement-breakpoint
CREATE TRIGGER attendance_last_days_delete AFTER DELETE ON attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_last_days_on_attendance();
--> statement-breakpoint
-- A meeting held, cancelled, moved to another day or org: the people recorded at it.
CREATE FUNCTION attendance_last_days_on_meetings() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid[];
  p uuid[];
BEGIN
  SELECT array_agg(x.tenant_id), array_agg(x.person_id) INTO t, p FROM (
    SELECT DISTINCT a.tenant_id, a.person_id
    FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
    JOIN attendance a ON a.tenant_id = n.tenant_id AND a.meeting_id = n.id
    WHERE (n.status, n.held_on, n.org_id) IS DISTINCT FROM (o.status, o.held_on, o.org_id)
  ) x;
  IF t IS NOT NULL THEN PERFORM attendance_last_days_refresh(t, p); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendance_last_days_meetings AFTER UPDATE ON meetings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_last_days_on_meetings();
--> statement-breakpoint
-- An org that becomes or stops being a branch or group: the people recorded at its meetings.
CREATE FUNCTION attendance_last_days_on_orgs() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t uuid[];
  p uuid[];
BEGIN
  SELECT array_agg(x.tenant_id), array_agg(x.person_id) INTO t, p FROM (
    SELECT DISTINCT a.tenant_id, a.person_id
    FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
    JOIN meetings m ON m.tenant_id = n.tenant_id AND m.org_id = n.id
    JOIN attendance a ON a.tenant_id = m.tenant_id AND a.meeting_id = m.id
    WHERE n.kind IS DISTINCT FROM o.kind
  ) x;
  IF t IS NOT NULL THEN PERFORM attendance_last_days_refresh(t, p); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendance_last_days_orgs AFTER UPDATE ON orgs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attendance_last_days_on_orgs();
--> statement-breakpoint
-- The attendance recorded before this migration.
SELECT attendance_last_days_refresh(array_agg(x.tenant_id), array_agg(x.person_id))
  FROM (SELECT DISTINCT tenant_id, person_id FROM attendance) x;
