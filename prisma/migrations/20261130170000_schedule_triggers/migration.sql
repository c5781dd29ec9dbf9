-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "catchup_window_seconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "needs_sync" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "node_id" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "overlap_policy" TEXT NOT NULL DEFAULT 'skip',
ADD COLUMN     "removed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sync_error" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "schedules_workflow_id_key" ON "schedules"("workflow_id");

-- Orgs with a schedule change Temporal has not taken yet: the reconcile-schedules job's
-- candidates. The table already has its row-level security policy (20261123070000_row_level_security).
CREATE FUNCTION orgs_with_unsynced_schedules() RETURNS TABLE (org_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT s.org_id FROM schedules s WHERE s.needs_sync
$$;
