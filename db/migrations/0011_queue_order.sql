DROP INDEX "complaints_queue_idx";--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("next_due","received_at" DESC NULLS LAST);