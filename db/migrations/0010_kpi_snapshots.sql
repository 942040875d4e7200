CREATE TABLE "kpi_snapshots" (
	"key" text PRIMARY KEY NOT NULL,
	"data_version" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL,
	"body" jsonb NOT NULL
);
