-- AlterEnum
ALTER TYPE "RunTrigger" ADD VALUE 'EVENT';

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "source" JSONB NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_subscriptions" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "node_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "filter" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_deliveries" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "workflow_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "run_id" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "events_org_id_created_at_idx" ON "events"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "events_org_id_topic_created_at_idx" ON "events"("org_id", "topic", "created_at" DESC);

-- CreateIndex
CREATE INDEX "events_dispatched_at_created_at_idx" ON "events"("dispatched_at", "created_at");

-- CreateIndex
CREATE INDEX "event_subscriptions_org_id_topic_idx" ON "event_subscriptions"("org_id", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "event_subscriptions_workflow_id_node_id_key" ON "event_subscriptions"("workflow_id", "node_id");

-- CreateIndex
CREATE INDEX "event_deliveries_org_id_idx" ON "event_deliveries"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_deliveries_event_id_workflow_id_key" ON "event_deliveries"("event_id", "workflow_id");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_subscriptions" ADD CONSTRAINT "event_subscriptions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_subscriptions" ADD CONSTRAINT "event_subscriptions_workflow_id_fkey" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261123070000_row_level_security):
-- the app's role sees and writes only the rows of the org its transaction names.
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "events" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
ALTER TABLE "event_subscriptions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "event_subscriptions" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
ALTER TABLE "event_deliveries" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "event_deliveries" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());

-- Orgs with an event whose fan-out Temporal has not taken for a while (the web server stopped
-- between storing it and starting the fan-out): the dispatch-events job's candidates. Ids only,
-- never rows, as the other background jobs' functions (20261130150000_background_job_orgs).
CREATE FUNCTION orgs_with_undispatched_events(older_than interval) RETURNS TABLE (org_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT e.org_id FROM events e WHERE e.dispatched_at IS NULL AND e.created_at < now() - older_than
$$;
