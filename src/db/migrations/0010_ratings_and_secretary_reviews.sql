CREATE TABLE "ratings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_score" integer,
	"adjustment" integer DEFAULT 0 NOT NULL,
	"adjustment_reason" text,
	"adjusted_by_id" uuid,
	"adjusted_by_name" text,
	"adjusted_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"grade" text,
	"rated_on" date,
	"rated_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "secretary_review_rounds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_review_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "secretary_review_scores" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"reviewer_account" text NOT NULL,
	"reviewer_name" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_review_scores_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "secretary_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"report" text,
	"reported_on" date,
	"final_score" integer,
	"grade" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_review_rounds" ADD CONSTRAINT "secretary_review_rounds_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_review_scores" ADD CONSTRAINT "secretary_review_scores_tenant_id_review_id_secretary_reviews_tenant_id_id_fk" FOREIGN KEY ("tenant_id","review_id") REFERENCES "public"."secretary_reviews"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_reviews" ADD CONSTRAINT "secretary_reviews_tenant_id_round_id_secretary_review_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."secretary_review_rounds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_reviews" ADD CONSTRAINT "secretary_reviews_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_reviews" ADD CONSTRAINT "secretary_reviews_tenant_id_org_id_orgs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_id") REFERENCES "public"."orgs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_org_year" ON "ratings" USING btree ("tenant_id","org_id","year");--> statement-breakpoint
CREATE INDEX "ratings_year" ON "ratings" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "secretary_review_rounds_org_year_level" ON "secretary_review_rounds" USING btree ("tenant_id","org_id","year","level");--> statement-breakpoint
CREATE UNIQUE INDEX "secretary_review_scores_reviewer" ON "secretary_review_scores" USING btree ("tenant_id","review_id","reviewer_account");--> statement-breakpoint
CREATE UNIQUE INDEX "secretary_reviews_round_org" ON "secretary_reviews" USING btree ("tenant_id","round_id","org_id");--> statement-breakpoint
CREATE INDEX "secretary_reviews_person" ON "secretary_reviews" USING btree ("tenant_id","person_id");