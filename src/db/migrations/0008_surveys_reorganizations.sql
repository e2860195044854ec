CREATE TABLE "reorganizations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"started_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"plan" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reorganizations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"surveyed_on" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"conclusion" text NOT NULL,
	"weak" boolean DEFAULT false NOT NULL,
	"recorded_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "reorganizations" ADD CONSTRAINT "reorganizations_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reorganizations_org" ON "reorganizations" USING btree ("tenant_id","org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_org_year" ON "surveys" USING btree ("tenant_id","org_id","year");