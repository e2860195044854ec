CREATE TABLE "acceptance_campaigns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"standard_sets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"manual_indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "acceptance_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"stage" text DEFAULT 'pending' NOT NULL,
	"statement" text,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "acceptance_steps" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"actor_role" text NOT NULL,
	"actor_name" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_steps_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_tenant_id_campaign_id_acceptance_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."acceptance_campaigns"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_steps" ADD CONSTRAINT "acceptance_steps_tenant_id_review_id_acceptance_reviews_tenant_id_id_fk" FOREIGN KEY ("tenant_id","review_id") REFERENCES "public"."acceptance_reviews"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_campaigns_title" ON "acceptance_campaigns" USING btree ("tenant_id","year","title");--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_reviews_org" ON "acceptance_reviews" USING btree ("tenant_id","campaign_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_steps_seq" ON "acceptance_steps" USING btree ("tenant_id","review_id","seq");