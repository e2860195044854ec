CREATE TABLE "evaluation_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"org_id" uuid NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"as_of" date NOT NULL,
	"rules" integer NOT NULL,
	"produced" integer NOT NULL,
	"opened" integer NOT NULL,
	"resolved" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"actor_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "finding_events" (
	"tenant_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "finding_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"finding_id" uuid NOT NULL,
	"event" text NOT NULL,
	"severity" text NOT NULL,
	"run_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"rule" text NOT NULL,
	"family" text NOT NULL,
	"severity" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_id" uuid,
	"period" text,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"source" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"numbers" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "findings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"run_key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "job_runs_job_run_key_pk" PRIMARY KEY("job","run_key")
);
--> statement-breakpoint
ALTER TABLE "parameter_overrides" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "parameter_overrides" ADD COLUMN "updated_by_name" text;--> statement-breakpoint
ALTER TABLE "parameter_overrides" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "finding_events" ADD CONSTRAINT "finding_events_tenant_id_finding_id_findings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","finding_id") REFERENCES "public"."findings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_runs_at" ON "evaluation_runs" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "finding_events_finding" ON "finding_events" USING btree ("tenant_id","finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_key" ON "findings" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "findings_path" ON "findings" USING btree ("tenant_id","org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "findings_rule" ON "findings" USING btree ("tenant_id","rule","period");