CREATE TABLE "rule_verdicts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"org_id" uuid NOT NULL,
	"period" text,
	"verdict" text NOT NULL,
	"note" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_verdicts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rule_verdicts_key" UNIQUE NULLS NOT DISTINCT("tenant_id","rule","org_id","period")
);
--> statement-breakpoint
ALTER TABLE "rule_verdicts" ADD CONSTRAINT "rule_verdicts_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;