-- Change numbers for the live run stream (GET /api/runs/:id/events): each recorded change of a
-- run takes the next number of its run, in commit order, so a client that resumes with the last
-- number it saw is sent exactly what changed since. Existing rows start at 0.
ALTER TABLE "runs" ADD COLUMN "last_event_seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "status_event_seq" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "run_steps" ADD COLUMN "event_seq" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "run_steps_run_id_event_seq_idx" ON "run_steps"("run_id", "event_seq");
