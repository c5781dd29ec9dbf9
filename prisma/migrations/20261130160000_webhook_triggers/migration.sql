-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "secret_auth_tag" BYTEA,
ADD COLUMN     "secret_ciphertext" BYTEA,
ADD COLUMN     "secret_iv" BYTEA,
ADD COLUMN     "secret_key_version" INTEGER,
ADD COLUMN     "secret_kind" TEXT,
ADD COLUMN     "secret_wrapped_key" BYTEA;

-- CreateTable
CREATE TABLE "webhook_calls" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "error_code" TEXT,
    "run_id" TEXT,
    "size_bytes" INTEGER NOT NULL DEFAULT 0,
    "duration_ms" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_calls_endpoint_id_created_at_idx" ON "webhook_calls"("endpoint_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_calls_org_id_created_at_idx" ON "webhook_calls"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_endpoints_workflow_id_key" ON "webhook_endpoints"("workflow_id");

-- AddForeignKey
ALTER TABLE "webhook_calls" ADD CONSTRAINT "webhook_calls_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_calls" ADD CONSTRAINT "webhook_calls_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261123070000_row_level_security):
-- the app's role sees and writes only the rows of the org its transaction names.
ALTER TABLE "webhook_calls" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "webhook_calls" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());

-- The one lookup a webhook call makes before its org is known: which org and endpoint a slug
-- names. Only the holder of the URL has the slug, and this returns two ids, never the row
-- (its secret stays behind the org's policy). It runs as the table's owner (SECURITY DEFINER)
-- with a fixed search path, like the background jobs' functions.
CREATE FUNCTION webhook_endpoint_by_slug(endpoint_slug text) RETURNS TABLE (org_id uuid, id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.org_id, e.id FROM webhook_endpoints e WHERE e.slug = endpoint_slug
$$;
