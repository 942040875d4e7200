-- Transactional enqueue: on PostgreSQL with graphile-worker installed, every outbox message gets
-- its delivery job in the same transaction that wrote it (job_key = message id, so never twice).
-- Without graphile-worker (the embedded PGlite database) this does nothing and the in-process
-- runner polls the outbox instead.
CREATE FUNCTION outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regproc('graphile_worker.add_job') IS NOT NULL THEN
    PERFORM graphile_worker.add_job(
      'deliver_message',
      json_build_object('id', NEW.id),
      job_key => NEW.id::text,
      max_attempts => 10
    );
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_enqueue AFTER INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION outbox_enqueue();
