-- Which orgs the frequent background jobs (lib/jobs) have work in. The app's role sees no tenant
-- row without an org set, so the jobs would otherwise ask every org in turn. These return org
-- ids only, never rows, and run as the tables' owner (SECURITY DEFINER) with a fixed search
-- path, like the metrics functions.

-- Orgs with a run still going: the reconcile job's candidates. One probe per org on the
-- (org_id, status, created_at) index.
CREATE FUNCTION orgs_with_active_runs() RETURNS TABLE (org_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.id FROM orgs o
  WHERE EXISTS (SELECT 1 FROM runs r WHERE r.org_id = o.id AND r.status IN ('QUEUED', 'RUNNING', 'WAITING'))
$$;

-- Orgs with an enabled alert rule: the alert job's.
CREATE FUNCTION orgs_with_enabled_alert_rules() RETURNS TABLE (org_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT a.org_id FROM alert_rules a WHERE a.enabled
$$;
