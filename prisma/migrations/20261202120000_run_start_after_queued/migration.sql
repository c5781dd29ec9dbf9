-- write_run_progress (20261201050000_write_run_progress) as it was but for the run's start,
-- below, and with the status the run holds after the write as a third column.
--
-- The patch that starts a run (the one carrying its start time: RUNNING, or what the workflow
-- reported next when it wrote nothing in between) rides with the run's first activity node, so
-- a write from a parallel branch can commit before it: an approval's WAITING was overwritten by
-- RUNNING and the run left the list of runs waiting on someone. Nothing the workflow reports
-- comes before its start, so that patch now changes only a run still QUEUED (a report that
-- is the run's first and last carries its end too); otherwise only its start time and its
-- steps are written.
DROP FUNCTION write_run_progress(uuid, text, jsonb, jsonb, int, int, text, int, timestamptz, jsonb);

CREATE FUNCTION write_run_progress(
  p_org_id uuid,
  p_run_id text,
  p_steps jsonb,
  p_run jsonb,
  p_changes int,
  p_log_count int,
  p_log_node text,
  p_log_attempt int,
  p_logged_at timestamptz,
  p_logs jsonb
) RETURNS TABLE (run_workflow_id uuid, replaced_steps json, run_status text)
LANGUAGE plpgsql AS $body$
BEGIN
  PERFORM set_config('app.org_id', p_org_id::text, true), set_config('app.user_id', '', true),
    set_config('app.api_key_hash', '', true), set_config('app.invitation_token_hash', '', true);
  RETURN QUERY
  WITH counted AS (
    UPDATE runs SET
      last_event_seq = runs.last_event_seq + p_changes,
      -- A start time set without its status still reaches live views as a change of the run.
      status_event_seq = CASE
        WHEN r.status IS NOT NULL AND (r.started_at IS NULL OR runs.status = 'QUEUED')
          OR runs.started_at IS NULL AND r.started_at IS NOT NULL
        THEN runs.last_event_seq + p_changes ELSE runs.status_event_seq END,
      status = CASE WHEN r.started_at IS NULL OR runs.status = 'QUEUED'
        THEN COALESCE(r.status::"RunStatus", runs.status) ELSE runs.status END,
      output = CASE WHEN r.has_output AND (r.started_at IS NULL OR runs.status = 'QUEUED')
        THEN r.output ELSE runs.output END,
      error = CASE WHEN r.started_at IS NULL OR runs.status = 'QUEUED'
        THEN COALESCE(r.error, runs.error) ELSE runs.error END,
      started_at = COALESCE(runs.started_at, r.started_at),
      -- Workflow time stands still within a workflow task, so a run's end is stamped with the
      -- clock when its final record is written, which follows the end by moments.
      ended_at = CASE WHEN r.ended_at IS NOT NULL AND (r.started_at IS NULL OR runs.status = 'QUEUED')
        THEN clock_timestamp() ELSE runs.ended_at END,
      duration_ms = CASE WHEN r.ended_at IS NOT NULL AND (r.started_at IS NULL OR runs.status = 'QUEUED')
        THEN (EXTRACT(EPOCH FROM (clock_timestamp() - COALESCE(runs.started_at, r.started_at))) * 1000)::int
        ELSE runs.duration_ms END
    FROM jsonb_to_record(COALESCE(p_run, '{}'::jsonb)) AS r(status text, has_output boolean, output jsonb,
      error jsonb, started_at timestamptz, ended_at timestamptz)
    WHERE runs.id = p_run_id
    RETURNING runs.last_event_seq - p_changes AS first_seq, runs.workflow_id, runs.status::text AS status
  ),
  logged AS (
    INSERT INTO run_logs (org_id, run_id, node_id, attempt, level, message, data, ts, event_seq)
    SELECT p_org_id, p_run_id, p_log_node, p_log_attempt, l.level::"LogLevel", l.message, l.data,
           p_logged_at, (SELECT first_seq FROM counted) + e.position
    FROM jsonb_array_elements(COALESCE(p_logs, '[]'::jsonb)) WITH ORDINALITY AS e(line, position),
      jsonb_to_record(e.line) AS l(level text, message text, data jsonb)
  ),
  stepped AS (
    INSERT INTO run_steps (id, org_id, run_id, node_id, iteration, attempt, status, input, output, handles, error,
      started_at, ended_at, event_seq)
    SELECT gen_random_uuid(), p_org_id, p_run_id, s.node_id, s.iteration, s.attempt, s.status::"StepStatus", s.input,
           s.output, COALESCE(s.handles, ARRAY[]::text[]), s.error, s.started_at, s.ended_at,
           (SELECT first_seq FROM counted) + p_log_count + e.position
    FROM jsonb_array_elements(p_steps) WITH ORDINALITY AS e(step, position),
      jsonb_to_record(e.step) AS s(node_id text, iteration int, attempt int, status text, input jsonb, output jsonb,
        handles text[], error jsonb, started_at timestamptz, ended_at timestamptz)
    ON CONFLICT (run_id, node_id, iteration, attempt) DO UPDATE SET
      status = EXCLUDED.status,
      input = COALESCE(EXCLUDED.input, run_steps.input),
      output = COALESCE(EXCLUDED.output, run_steps.output),
      handles = CASE WHEN EXCLUDED.handles = ARRAY[]::text[] THEN run_steps.handles ELSE EXCLUDED.handles END,
      error = COALESCE(EXCLUDED.error, run_steps.error),
      started_at = COALESCE(run_steps.started_at, EXCLUDED.started_at),
      ended_at = COALESCE(EXCLUDED.ended_at, run_steps.ended_at),
      event_seq = EXCLUDED.event_seq
  ),
  -- A local activity run again after a crash starts over at attempt 1, which its interrupted run
  -- already recorded: the caller reads the records it replaces from here.
  overwritten AS (
    SELECT rs.node_id AS "nodeId", rs.iteration, rs.attempt, rs.status
    FROM run_steps rs
    JOIN jsonb_to_recordset(p_steps) AS s(node_id text, iteration int, attempt int, status text)
      ON rs.node_id = s.node_id AND rs.iteration = s.iteration AND rs.attempt = s.attempt
    WHERE rs.run_id = p_run_id AND s.status = 'RUNNING'
  )
  SELECT counted.workflow_id, (SELECT COALESCE(json_agg(overwritten), '[]'::json) FROM overwritten), counted.status
  FROM counted;
END
$body$;
