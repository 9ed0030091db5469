CREATE TYPE "public"."listing_category" AS ENUM('product', 'capital', 'technology', 'logistics', 'tourism', 'culture', 'talent', 'service');--> statement-breakpoint
CREATE TYPE "public"."listing_direction" AS ENUM('offer', 'seek');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('pending', 'published', 'rejected', 'closed');--> statement-breakpoint
CREATE TABLE "glossary_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"zh" text[] DEFAULT '{}'::text[] NOT NULL,
	"en" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"broader" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"area_code" text,
	"direction" "listing_direction" NOT NULL,
	"category" "listing_category" NOT NULL,
	"sector" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount_cny" double precision,
	"valid_until" date,
	"status" "listing_status" DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"features" jsonb NOT NULL,
	"match_keys" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"analyzed_with" text DEFAULT '' NOT NULL,
	"search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	CONSTRAINT "listings_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "match_stats" (
	"key" text PRIMARY KEY NOT NULL,
	"df" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "glossary_entries_updated_idx" ON "glossary_entries" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "listings_browse_idx" ON "listings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "listings_org_idx" ON "listings" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "listings_match_keys_idx" ON "listings" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "listings_division_idx" ON "listings" USING btree ("category","direction","region_code","sector","created_at");--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search");--> statement-breakpoint
-- Small pending lists: every match query scans a GIN index's pending entries until they are merged.
ALTER INDEX "listings_match_keys_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "listings_search_idx" SET (gin_pending_list_limit = 256);
