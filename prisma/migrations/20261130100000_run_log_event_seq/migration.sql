-- Log lines join the live run stream (GET /api/runs/:id/events): each line takes the next change
-- number of its run, as steps and statuses do, so a client that resumes with the last number it
-- saw is sent exactly the lines written since. Existing lines keep 0 (they arrive with the snapshot).
ALTER TABLE "run_logs" ADD COLUMN "attempt" INTEGER,
ADD COLUMN "event_seq" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "run_logs_run_id_event_seq_idx" ON "run_logs"("run_id", "event_seq");
