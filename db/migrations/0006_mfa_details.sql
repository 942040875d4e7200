ALTER TABLE "staff_sign_in_challenges" ADD COLUMN "pending_secret" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_last_step" integer;