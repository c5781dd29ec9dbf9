-- CreateTable
CREATE TABLE "files" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "files_org_id_created_at_idx" ON "files"("org_id", "created_at");

-- AddForeignKey
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261123070000_row_level_security):
-- the app's role sees and writes only the files of the org its transaction names.
ALTER TABLE "files" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "files" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
