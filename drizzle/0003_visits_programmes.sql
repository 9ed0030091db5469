CREATE TYPE "public"."programme_indicator_kind" AS ENUM('funds_allocated', 'projects', 'jobs', 'people_trained', 'officials_exchanged', 'consumption_sales', 'other');--> statement-breakpoint
CREATE TYPE "public"."programme_period_kind" AS ENUM('month', 'quarter');--> statement-breakpoint
CREATE TYPE "public"."programme_report_status" AS ENUM('draft', 'submitted', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."agreed_area_link_kind" AS ENUM('listing', 'agreement', 'project', 'programme');--> statement-breakpoint
CREATE TYPE "public"."visit_kind" AS ENUM('visit', 'talk', 'forum', 'fair');--> statement-breakpoint
CREATE TYPE "public"."visit_side" AS ENUM('host', 'visiting');--> statement-breakpoint
CREATE TABLE "programme_indicator_period_targets" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "programme_indicator_period_targets_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "programme_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "programme_indicator_kind" NOT NULL,
	"name_en" text,
	"name_zh" text,
	"unit" text NOT NULL,
	"baseline" double precision DEFAULT 0 NOT NULL,
	"target" double precision NOT NULL,
	"start_on" date NOT NULL,
	"deadline" date NOT NULL,
	"period_kind" "programme_period_kind" NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_indicators_values_check" CHECK ("programme_indicators"."baseline" >= 0 and "programme_indicators"."target" > "programme_indicators"."baseline" and "programme_indicators"."deadline" >= "programme_indicators"."start_on")
);
--> statement-breakpoint
CREATE TABLE "programme_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_kind" "programme_period_kind" NOT NULL,
	"status" "programme_report_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" integer NOT NULL,
	"giving_region" text NOT NULL,
	"receiving_region" text NOT NULL,
	"giving_province" text NOT NULL,
	"receiving_province" text NOT NULL,
	"title_en" text NOT NULL,
	"title_zh" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"deadline" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programmes_dates_check" CHECK ("programmes"."deadline" >= "programmes"."start_on")
);
--> statement-breakpoint
CREATE TABLE "programme_report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "programme_report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id"),
	CONSTRAINT "programme_report_values_check" CHECK ("programme_report_values"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agreed_area_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"area_id" uuid NOT NULL,
	"kind" "agreed_area_link_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreed_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"owner_region_code" text NOT NULL,
	"owner_office" text NOT NULL,
	"owner_office_en" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreed_areas_owner_check" CHECK (length(trim("agreed_areas"."owner_office")) > 0)
);
--> statement-breakpoint
CREATE TABLE "visit_articles" (
	"visit_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_articles_visit_id_article_id_pk" PRIMARY KEY("visit_id","article_id")
);
--> statement-breakpoint
CREATE TABLE "visit_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"on" date,
	"place" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"organisation_en" text DEFAULT '' NOT NULL,
	"side" "visit_side" NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "visit_kind" NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"host_region_code" text NOT NULL,
	"host_area_code" text,
	"visiting_region_code" text NOT NULL,
	"visiting_area_code" text,
	"places" text DEFAULT '' NOT NULL,
	"summary_zh" text DEFAULT '' NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visits_dates_check" CHECK ("visits"."ends_on" >= "visits"."starts_on"),
	CONSTRAINT "visits_regions_check" CHECK ("visits"."host_region_code" <> "visits"."visiting_region_code")
);
--> statement-breakpoint
ALTER TABLE "programme_indicator_period_targets" ADD CONSTRAINT "programme_indicator_period_targets_indicator_id_programme_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."programme_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reports" ADD CONSTRAINT "programme_reports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reports" ADD CONSTRAINT "programme_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_reports" ADD CONSTRAINT "programme_reports_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_giving_region_regions_code_fk" FOREIGN KEY ("giving_region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_receiving_region_regions_code_fk" FOREIGN KEY ("receiving_region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_report_values" ADD CONSTRAINT "programme_report_values_report_id_programme_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."programme_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_report_values" ADD CONSTRAINT "programme_report_values_indicator_id_programme_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."programme_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_area_links" ADD CONSTRAINT "agreed_area_links_area_id_agreed_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."agreed_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_area_links" ADD CONSTRAINT "agreed_area_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_areas" ADD CONSTRAINT "agreed_areas_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreed_areas" ADD CONSTRAINT "agreed_areas_owner_region_code_regions_code_fk" FOREIGN KEY ("owner_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_articles" ADD CONSTRAINT "visit_articles_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_articles" ADD CONSTRAINT "visit_articles_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_meetings" ADD CONSTRAINT "visit_meetings_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_participants" ADD CONSTRAINT "visit_participants_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_host_region_code_regions_code_fk" FOREIGN KEY ("host_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_visiting_region_code_regions_code_fk" FOREIGN KEY ("visiting_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_indicators_idx" ON "programme_indicators" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_reports_period_idx" ON "programme_reports" USING btree ("programme_id","period");--> statement-breakpoint
CREATE INDEX "programmes_pairing_idx" ON "programmes" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "programme_report_values_indicator_idx" ON "programme_report_values" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreed_area_links_target_idx" ON "agreed_area_links" USING btree ("area_id","kind","target_id");--> statement-breakpoint
CREATE INDEX "agreed_area_links_kind_idx" ON "agreed_area_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "agreed_areas_visit_idx" ON "agreed_areas" USING btree ("visit_id","position");--> statement-breakpoint
CREATE INDEX "agreed_areas_owner_idx" ON "agreed_areas" USING btree ("owner_region_code");--> statement-breakpoint
CREATE INDEX "visit_articles_article_idx" ON "visit_articles" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "visit_meetings_idx" ON "visit_meetings" USING btree ("visit_id","position");--> statement-breakpoint
CREATE INDEX "visit_participants_idx" ON "visit_participants" USING btree ("visit_id","position");--> statement-breakpoint
CREATE INDEX "visits_starts_idx" ON "visits" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "visits_regions_idx" ON "visits" USING btree ("host_region_code","visiting_region_code");