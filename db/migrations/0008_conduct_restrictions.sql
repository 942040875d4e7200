ALTER TABLE "conduct_restrictions" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "conduct_restrictions" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "conduct_restrictions" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "conduct_restrictions" ADD COLUMN "renewals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conduct_restrictions" ADD CONSTRAINT "conduct_restrictions_ended_by_staff_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;