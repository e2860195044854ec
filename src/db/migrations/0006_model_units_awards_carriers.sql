CREATE TABLE "awards" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_year" integer NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"nominating_org_id" uuid NOT NULL,
	"nominated_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"reviewed_on" date,
	"review_note" text,
	"publicity_from" date,
	"publicity_until" date,
	"decided_on" date,
	"decision_document" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "model_units" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"leader_id" uuid,
	"level" text DEFAULT 'school' NOT NULL,
	"plan_year" integer NOT NULL,
	"applied_on" date NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"cultivation_from" date,
	"midterm_on" date,
	"midterm_result" text,
	"midterm_note" text,
	"accepted_on" date,
	"decided_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "practice_carriers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"established_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_carriers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_tenant_id_nominating_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","nominating_org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_units" ADD CONSTRAINT "model_units_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_units" ADD CONSTRAINT "model_units_tenant_id_leader_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","leader_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_carriers" ADD CONSTRAINT "practice_carriers_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "awards_round" ON "awards" USING btree ("tenant_id","round_year","kind");--> statement-breakpoint
CREATE INDEX "awards_person" ON "awards" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "awards_org" ON "awards" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "model_units_year" ON "model_units" USING btree ("tenant_id","plan_year","kind");--> statement-breakpoint
CREATE INDEX "model_units_org" ON "model_units" USING btree ("tenant_id","org_id");--> statement-breakpoint
CREATE INDEX "practice_carriers_org" ON "practice_carriers" USING btree ("tenant_id","org_id","year");