-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('SUCCESS_RATE_BELOW', 'BURN_RATE_ABOVE', 'APPROVAL_WAITING_LONGER_THAN');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('FIRING', 'RESOLVED');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "window_minutes" INTEGER NOT NULL DEFAULT 60,
    "webhook_url" TEXT NOT NULL,
    "secret_ciphertext" BYTEA NOT NULL,
    "secret_iv" BYTEA NOT NULL,
    "secret_auth_tag" BYTEA NOT NULL,
    "secret_wrapped_key" BYTEA NOT NULL,
    "secret_key_version" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "firing" BOOLEAN NOT NULL DEFAULT false,
    "last_evaluated_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_firings" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "state" "AlertState" NOT NULL,
    "value" DOUBLE PRECISION,
    "message" TEXT NOT NULL,
    "delivery_status" INTEGER,
    "delivery_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_firings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_rules_org_id_created_at_idx" ON "alert_rules"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alert_firings_org_id_created_at_idx" ON "alert_firings"("org_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alert_firings_rule_id_created_at_idx" ON "alert_firings"("rule_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_firings" ADD CONSTRAINT "alert_firings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_firings" ADD CONSTRAINT "alert_firings_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261123070000_row_level_security):
-- the app's role sees and writes only the rows of the org its transaction names.
ALTER TABLE "alert_rules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "alert_firings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "org_isolation" ON "alert_rules" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "alert_firings" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
