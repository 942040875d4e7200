CREATE TABLE "compensation_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" smallint,
	"category" text NOT NULL,
	"band" text,
	"amount_pence" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"offered_on" date,
	"decided_on" date,
	"paid_on" date,
	"payment_method" text,
	"ombudsman_ordered" boolean DEFAULT false NOT NULL,
	"contractor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid,
	"kind" text NOT NULL,
	"their_reference" text,
	"opened_on" date NOT NULL,
	"determined_on" date,
	"findings" jsonb,
	"outcome" text,
	"closed_on" date,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"answered_on" date,
	"evidence" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid,
	"kind" text DEFAULT 'process' NOT NULL,
	"service_area" text,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"measure" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"evidence" text,
	"likelihood" smallint,
	"impact" smallint,
	"you_said" text,
	"we_did" text,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_entries" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"root_cause" text,
	"analysis" text,
	"learning" text,
	"no_learning_reason" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord" text NOT NULL,
	"year" text NOT NULL,
	"homes" integer,
	"figures" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perception_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"surveyed_on" date NOT NULL,
	"complained_last_12_months" boolean NOT NULL,
	"answer" text NOT NULL,
	"tenure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"service_area" text NOT NULL,
	"summary" text NOT NULL,
	"outcome" text NOT NULL,
	"learning" text NOT NULL,
	"drafted_by" uuid,
	"approved_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"handler_id" uuid,
	"sample_month" text NOT NULL,
	"reviewer_id" uuid,
	"reviewed_on" date,
	"answers" jsonb,
	"score_tenths" integer,
	"critical_fail" boolean,
	"feedback" text,
	"seen_by_handler_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "contractor" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "signed_off_by" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "signed_off_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "cancel_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "resident_update" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "likelihood" smallint;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "impact" smallint;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "contractor" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "handling_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "compensation_awards" ADD CONSTRAINT "compensation_awards_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_awards" ADD CONSTRAINT "compensation_awards_proposed_by_staff_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_awards" ADD CONSTRAINT "compensation_awards_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_cases" ADD CONSTRAINT "external_cases_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_cases" ADD CONSTRAINT "external_cases_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_requests" ADD CONSTRAINT "external_requests_case_id_external_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."external_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_published_by_staff_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_entries" ADD CONSTRAINT "learning_entries_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_entries" ADD CONSTRAINT "learning_entries_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_entries" ADD CONSTRAINT "learning_entries_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_summaries" ADD CONSTRAINT "published_summaries_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_summaries" ADD CONSTRAINT "published_summaries_drafted_by_staff_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_summaries" ADD CONSTRAINT "published_summaries_approved_by_staff_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD CONSTRAINT "qa_reviews_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD CONSTRAINT "qa_reviews_handler_id_staff_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD CONSTRAINT "qa_reviews_reviewer_id_staff_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_awards_paid_idx" ON "compensation_awards" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "compensation_awards_complaint_idx" ON "compensation_awards" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "external_cases_opened_idx" ON "external_cases" USING btree ("kind","opened_on");--> statement-breakpoint
CREATE INDEX "external_requests_case_idx" ON "external_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "external_requests_answered_idx" ON "external_requests" USING btree ("answered_on");--> statement-breakpoint
CREATE INDEX "improvement_actions_due_idx" ON "improvement_actions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "improvement_actions_complaint_idx" ON "improvement_actions" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_benchmarks_key" ON "peer_benchmarks" USING btree ("landlord","year");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_reviews_sample_key" ON "qa_reviews" USING btree ("complaint_id","stage");--> statement-breakpoint
CREATE INDEX "qa_reviews_month_idx" ON "qa_reviews" USING btree ("sample_month");--> statement-breakpoint
CREATE INDEX "qa_reviews_reviewed_idx" ON "qa_reviews" USING btree ("reviewed_on");--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_signed_off_by_staff_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_cancel_approved_by_staff_users_id_fk" FOREIGN KEY ("cancel_approved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;