CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"service_area" text,
	"original_due_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_stages" (
	"complaint_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"started_on" date NOT NULL,
	"handler_id" uuid,
	"acknowledgement_due" date NOT NULL,
	"acknowledged_on" date,
	"response_due_base" date NOT NULL,
	"response_due" date NOT NULL,
	"extension_working_days" integer DEFAULT 0 NOT NULL,
	"extensions_valid" boolean DEFAULT true NOT NULL,
	"responded_on" date,
	"responded_by" text,
	"outcome" text,
	"decision_changed" boolean,
	"late_request" boolean DEFAULT false NOT NULL,
	CONSTRAINT "complaint_stages_complaint_id_stage_pk" PRIMARY KEY("complaint_id","stage")
);
--> statement-breakpoint
CREATE TABLE "format_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"format" text NOT NULL,
	"detail" text,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" smallint NOT NULL,
	"language" text NOT NULL,
	"format" text NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"amount_pence" integer,
	"status" text NOT NULL,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"sent_on" date NOT NULL,
	"method" text NOT NULL,
	"summary" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_areas" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "case_state" jsonb;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "current_stage" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "handler_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "next_due" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "next_due_kind" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "early_resolution" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_notes" ADD CONSTRAINT "complaint_notes_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_stages" ADD CONSTRAINT "complaint_stages_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "format_tasks" ADD CONSTRAINT "format_tasks_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "format_tasks" ADD CONSTRAINT "format_tasks_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remedies" ADD CONSTRAINT "remedies_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_updates" ADD CONSTRAINT "resident_updates_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_updates" ADD CONSTRAINT "resident_updates_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_position_key" ON "commitments" USING btree ("complaint_id","position");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "complaint_notes_complaint_idx" ON "complaint_notes" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_stages_responded_idx" ON "complaint_stages" USING btree ("stage","responded_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_acknowledged_idx" ON "complaint_stages" USING btree ("stage","acknowledged_on");--> statement-breakpoint
CREATE INDEX "complaint_stages_started_idx" ON "complaint_stages" USING btree ("stage","started_on");--> statement-breakpoint
CREATE INDEX "format_tasks_open_idx" ON "format_tasks" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "letters_complaint_idx" ON "letters" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "remedies_position_key" ON "remedies" USING btree ("complaint_id","position");--> statement-breakpoint
CREATE INDEX "remedies_paid_idx" ON "remedies" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "resident_updates_complaint_idx" ON "resident_updates" USING btree ("complaint_id","sent_on");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_staff_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_queue_idx" ON "complaints" USING btree ("next_due") WHERE "complaints"."next_due" is not null;--> statement-breakpoint
CREATE INDEX "complaints_handler_idx" ON "complaints" USING btree ("handler_id","next_due");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_external_key" ON "residents" USING btree ("external_key");