-- Row-level security: every tenant-owned table shows and accepts only rows of the org the
-- transaction names (lib/db/tenant.ts sets these settings with set_config(..., true)). A query
-- that forgets its org filter finds nothing of another org. Table owners are exempt (no FORCE):
-- migrations, tests and admin tools run as the owner, the app as a role that owns nothing
-- (lib/db/app-role.ts).

-- An unset setting reads as NULL, or as '' once a finished transaction had set it: both match no row.
-- (No semicolons inside statements or comments here: the offline migration runner splits on them.)
CREATE FUNCTION rls_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION rls_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION rls_api_key_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.api_key_hash', true), '') $$;
CREATE FUNCTION rls_invitation_token_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.invitation_token_hash', true), '') $$;

ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "workflows" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "workflow_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "run_steps" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "run_logs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "run_payloads" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "credentials" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "schedules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "org_isolation" ON "memberships" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "invitations" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "api_keys" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "workflows" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "workflow_versions" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "runs" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "run_steps" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "run_logs" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "run_payloads" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "credentials" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "audit_events" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "schedules" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());
CREATE POLICY "org_isolation" ON "webhook_endpoints" USING (org_id = rls_org_id()) WITH CHECK (org_id = rls_org_id());

-- Lookups made before the org is known. Each finds rows by a value only their rightful holder
-- has (their own user id, a secret's hash), and only reads: writes name the org they found.
CREATE POLICY "own_memberships" ON "memberships" FOR SELECT USING (user_id = rls_user_id());
CREATE POLICY "key_by_hash" ON "api_keys" FOR SELECT USING (key_hash = rls_api_key_hash());
CREATE POLICY "invitation_by_token" ON "invitations" FOR SELECT USING (token_hash = rls_invitation_token_hash());

-- Events with no org (a failed sign-in with an unknown email) may be written, never read back
-- by the app. Such an insert must not ask for the row back (no RETURNING: use createMany).
CREATE POLICY "orgless_events" ON "audit_events" FOR INSERT WITH CHECK (org_id IS NULL);

-- Orgs are not tenant-owned rows, but deleting one cascades to all of its data, and cascades
-- ignore row-level security: only the org the transaction acts for may be changed or deleted.
-- Anyone may read orgs and create one (sign-up, before any org is set).
ALTER TABLE "orgs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own_org" ON "orgs" USING (id = rls_org_id()) WITH CHECK (id = rls_org_id());
CREATE POLICY "orgs_readable" ON "orgs" FOR SELECT USING (true);
CREATE POLICY "orgs_creatable" ON "orgs" FOR INSERT WITH CHECK (true);
