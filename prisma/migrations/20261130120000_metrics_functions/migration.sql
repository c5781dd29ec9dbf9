-- Platform-wide figures for GET /api/metrics. They return counts, never rows, so the app's role
-- may read them across orgs while row-level security still hides every row from it. They run
-- as the tables' owner (SECURITY DEFINER) with a fixed search path.
CREATE FUNCTION metrics_active_runs() RETURNS TABLE (status text, runs bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.status::text, count(*) FROM runs r WHERE r.status IN ('QUEUED', 'RUNNING', 'WAITING') GROUP BY r.status
$$;

-- Approval steps waiting for a decision, and how long the oldest has waited (seconds).
CREATE FUNCTION metrics_waiting_approvals() RETURNS TABLE (approvals bigint, oldest_seconds double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*), coalesce(extract(epoch FROM now() - min(s.started_at)), 0)::float8
  FROM runs r
  JOIN run_steps s ON s.run_id = r.id AND s.status = 'WAITING'
  JOIN workflow_versions v ON v.id = r.version_id
  WHERE r.status = 'WAITING'
    AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(v.definition -> 'nodes') AS n(node)
      WHERE n.node ->> 'id' = s.node_id AND n.node ->> 'type' = 'human.approval'
    )
$$;
