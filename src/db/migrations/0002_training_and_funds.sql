CREATE TABLE "fund_allocations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"allocated_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fund_budgets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_budgets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "fund_expenses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_expenses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_credits" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"session_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"credited_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_credits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"audience" text DEFAULT 'members' NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"place" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_budgets" ADD CONSTRAINT "fund_budgets_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_expenses" ADD CONSTRAINT "fund_expenses_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_credits" ADD CONSTRAINT "training_credits_tenant_id_session_id_training_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."training_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_allocations_org" ON "fund_allocations" USING btree ("tenant_id","org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_budgets_org_year" ON "fund_budgets" USING btree ("tenant_id","org_id","year");--> statement-breakpoint
CREATE INDEX "fund_expenses_org" ON "fund_expenses" USING btree ("tenant_id","org_id","spent_on");--> statement-breakpoint
CREATE INDEX "training_credits_person" ON "training_credits" USING btree ("tenant_id","person_id","credited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_credits_session_person" ON "training_credits" USING btree ("tenant_id","session_id","person_id") WHERE session_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_code" ON "training_sessions" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "training_sessions_org" ON "training_sessions" USING btree ("tenant_id","org_id","starts_on");