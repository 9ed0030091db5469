CREATE TYPE "public"."cooperation_form" AS ENUM('trade', 'investment', 'joint_venture', 'licensing', 'rnd', 'logistics', 'tourism', 'culture_media', 'assistance', 'framework');--> statement-breakpoint
CREATE TYPE "public"."decline_reason" AS ENUM('not_relevant', 'too_early', 'price_terms', 'capacity', 'other');--> statement-breakpoint
CREATE TYPE "public"."interest_status" AS ENUM('open', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."interest_timeline" AS ENUM('within_3_months', 'months_3_6', 'months_6_12', 'over_12_months');--> statement-breakpoint
CREATE TYPE "public"."agreement_type" AS ENUM('trade', 'investment', 'joint_venture', 'licensing', 'rnd', 'logistics', 'tourism', 'culture_media', 'assistance', 'framework');--> statement-breakpoint
CREATE TYPE "public"."project_stage" AS ENUM('signed', 'landed', 'started', 'in_production', 'stalled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."project_update_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"media_type" text NOT NULL,
	"name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interest_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"from_region_code" text NOT NULL,
	"to_region_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversations_interest_id_unique" UNIQUE("interest_id")
);
--> statement-breakpoint
CREATE TABLE "interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"via_listing_id" uuid,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"from_region_code" text NOT NULL,
	"to_region_code" text NOT NULL,
	"message" text NOT NULL,
	"bring" text NOT NULL,
	"form" "cooperation_form" NOT NULL,
	"timeline" "interest_timeline" NOT NULL,
	"status" "interest_status" DEFAULT 'open' NOT NULL,
	"decline_reason" "decline_reason",
	"decline_note" text,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversation_attachments" (
	"message_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "conversation_attachments_message_id_file_id_pk" PRIMARY KEY("message_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_confirmations" (
	"agreement_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"confirmed_by" uuid,
	"confirmer_name" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_confirmations_agreement_id_region_code_pk" PRIMARY KEY("agreement_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "agreement_documents" (
	"agreement_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"confidential" boolean DEFAULT true NOT NULL,
	CONSTRAINT "agreement_documents_agreement_id_file_id_pk" PRIMARY KEY("agreement_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_org_id_pk" PRIMARY KEY("agreement_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_sources" (
	"agreement_id" uuid NOT NULL,
	"interest_id" uuid,
	"listing_id" uuid,
	CONSTRAINT "agreement_sources_one" CHECK (("agreement_sources"."interest_id" is null) <> ("agreement_sources"."listing_id" is null))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "agreement_type" NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"value_cny" double precision,
	"signed_on" date NOT NULL,
	"signed_place" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_value_check" CHECK ("agreements"."value_cny" is null or "agreements"."value_cny" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_parties" (
	"project_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "project_parties_project_id_org_id_pk" PRIMARY KEY("project_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "project_stage_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" "project_stage",
	"to_stage" "project_stage" NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_by_name" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"body" text NOT NULL,
	"actual_investment_cny" double precision,
	"jobs_created" integer,
	"overrun_note" text,
	"status" "project_update_status" DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid,
	"submitted_by_name" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"category" "listing_category" NOT NULL,
	"sector" text,
	"region_code" text NOT NULL,
	"area_code" text,
	"stage" "project_stage" DEFAULT 'signed' NOT NULL,
	"signed_on" date NOT NULL,
	"landed_on" date,
	"started_on" date,
	"in_production_on" date,
	"stalled_on" date,
	"cancelled_on" date,
	"contracted_investment_cny" double precision,
	"actual_investment_cny" double precision DEFAULT 0 NOT NULL,
	"jobs_created" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "projects_amounts_check" CHECK ("projects"."actual_investment_cny" >= 0 and "projects"."jobs_created" >= 0 and ("projects"."contracted_investment_cny" is null or "projects"."contracted_investment_cny" >= 0))
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_from_org_id_organisations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_to_org_id_organisations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_via_listing_id_listings_id_fk" FOREIGN KEY ("via_listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_from_org_id_organisations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_to_org_id_organisations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_attachments" ADD CONSTRAINT "conversation_attachments_message_id_conversation_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."conversation_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_attachments" ADD CONSTRAINT "conversation_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_confirmations" ADD CONSTRAINT "agreement_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_documents" ADD CONSTRAINT "agreement_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_parties" ADD CONSTRAINT "project_parties_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_stage_changes" ADD CONSTRAINT "project_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_from_idx" ON "conversations" USING btree ("from_org_id");--> statement-breakpoint
CREATE INDEX "conversations_to_idx" ON "conversations" USING btree ("to_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interests_open_pair_idx" ON "interests" USING btree (least("from_org_id", "to_org_id"),greatest("from_org_id", "to_org_id")) WHERE "interests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "interests_to_idx" ON "interests" USING btree ("to_org_id","sent_at");--> statement-breakpoint
CREATE INDEX "interests_from_idx" ON "interests" USING btree ("from_org_id","sent_at");--> statement-breakpoint
CREATE INDEX "interests_from_region_idx" ON "interests" USING btree ("from_region_code","sent_at");--> statement-breakpoint
CREATE INDEX "interests_to_region_idx" ON "interests" USING btree ("to_region_code","sent_at");--> statement-breakpoint
CREATE INDEX "interests_open_expiry_idx" ON "interests" USING btree ("expires_at") WHERE "interests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "conversation_messages_idx" ON "conversation_messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_parties_org_idx" ON "agreement_parties" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "agreement_sources_idx" ON "agreement_sources" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_signed_idx" ON "agreements" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "project_milestones_idx" ON "project_milestones" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "project_milestones_open_idx" ON "project_milestones" USING btree ("due_on") WHERE "project_milestones"."done_on" is null;--> statement-breakpoint
CREATE INDEX "project_parties_org_idx" ON "project_parties" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "project_parties_region_idx" ON "project_parties" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "project_stage_changes_idx" ON "project_stage_changes" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "project_updates_idx" ON "project_updates" USING btree ("project_id","submitted_at");--> statement-breakpoint
CREATE INDEX "project_updates_pending_idx" ON "project_updates" USING btree ("status") WHERE "project_updates"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "projects_agreement_idx" ON "projects" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "projects_region_stage_idx" ON "projects" USING btree ("region_code","stage");