-- The dashboard aggregates the runs and node attempts that ended in a range, per org.
CREATE INDEX "runs_org_id_ended_at_idx" ON "runs"("org_id", "ended_at");
CREATE INDEX "run_steps_org_id_ended_at_idx" ON "run_steps"("org_id", "ended_at");
