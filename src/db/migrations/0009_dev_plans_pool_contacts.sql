CREATE TABLE "dev_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"secretary_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dev_plan_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"quota" integer NOT NULL,
	CONSTRAINT "dev_plan_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dev_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dev_pool_analyses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"summary" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_pool_analyses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "dev_contacts" ADD CONSTRAINT "dev_contacts_tenant_id_secretary_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","secretary_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_contacts" ADD CONSTRAINT "dev_contacts_tenant_id_case_id_dev_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."dev_cases"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_plan_lines" ADD CONSTRAINT "dev_plan_lines_tenant_id_plan_id_dev_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."dev_plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_plan_lines" ADD CONSTRAINT "dev_plan_lines_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_plans" ADD CONSTRAINT "dev_plans_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dev_pool_analyses" ADD CONSTRAINT "dev_pool_analyses_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_contacts_case" ON "dev_contacts" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "dev_contacts_secretary" ON "dev_contacts" USING btree ("tenant_id","secretary_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dev_plan_lines_key" ON "dev_plan_lines" USING btree ("tenant_id","plan_id","org_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "dev_plans_org_year" ON "dev_plans" USING btree ("tenant_id","org_id","year");--> statement-breakpoint
CREATE INDEX "dev_pool_analyses_org" ON "dev_pool_analyses" USING btree ("tenant_id","org_id","year");