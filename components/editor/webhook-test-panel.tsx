'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/** GET /api/workflows/:id/webhook/test (lib/webhooks/test-listener.ts). */
interface TestCall {
  receivedAt: string;
  method: string;
  request: { body?: unknown; headers?: Record<string, string>; query?: unknown; contentType?: string | null } | null;
  requestOmitted: string | null;
  runId: string | null;
  status: number | null;
  error: string | null;
}

interface TestState {
  path: string;
  url: string | null;
  listening: boolean;
  expiresAt: string | null;
  lastCall: TestCall | null;
}

async function errorMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => ({}));
  return body?.error?.message ?? `The server answered ${response.status}`;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString();

/**
 * The trigger's test URL: "Listen for test call" makes it take the next call, within two
 * minutes, and run the draft with it. The call, and the run it started or why it was refused,
 * show here; the run lights up the canvas through `onTestRun`.
 */
export function WebhookTestPanel({ readOnly, onTestRun }: { readOnly: boolean; onTestRun: (runId: string) => void }) {
  const { id: workflowId } = useParams<{ id: string }>();
  const [state, setState] = useState<TestState>();
  const [problem, setProblem] = useState<string>();
  // The run last handed to the canvas: a call from before this panel opened is shown, not replayed.
  const announced = useRef<string | null | undefined>(undefined);

  const apply = useCallback(async (response: Response) => {
    if (!response.ok) {
      setProblem(await errorMessage(response));
      return;
    }
    setProblem(undefined);
    setState(await response.json());
  }, []);
  const load = useCallback(
    (method: 'GET' | 'POST' | 'DELETE' = 'GET') => fetch(`/api/workflows/${workflowId}/webhook/test`, { method }),
    [workflowId],
  );

  useEffect(() => {
    let current = true;
    void load().then((response) => (current ? apply(response) : undefined));
    return () => {
      current = false;
    };
  }, [load, apply]);

  // While it listens, ask each second whether the call has come: the API answers from Redis.
  useEffect(() => {
    if (!state?.listening) return;
    const timer = setInterval(() => void load().then(apply), 1000);
    return () => clearInterval(timer);
  }, [state?.listening, load, apply]);

  const runId = state?.lastCall?.runId ?? null;
  useEffect(() => {
    if (state === undefined) return;
    if (announced.current === undefined) announced.current = runId;
    else if (runId && runId !== announced.current) {
      announced.current = runId;
      onTestRun(runId);
    }
  }, [state, runId, onTestRun]);

  if (!state) return null;
  const address = state.url ?? state.path;
  return (
    <section aria-label="Webhook test URL" className="flex flex-col gap-2 rounded-md border border-border p-3 text-sm">
      <h3 className="font-medium">Test URL</h3>
      <div className="flex items-center gap-1">
        <code className="min-w-0 flex-1 break-all rounded bg-muted px-2 py-1 font-mono text-xs" data-webhook-test-url>
          {address}
        </code>
        <CopyButton text={address} label="Copy the test URL" />
      </div>
      <p className="text-xs text-muted-foreground">
        {state.listening && state.expiresAt
          ? `Listening until ${time(state.expiresAt)}: the next call runs the draft as it is now.`
          : 'Runs the draft, not the published version, with one call while you listen.'}
      </p>
      {!readOnly &&
        (state.listening ? (
          <Button variant="secondary" size="sm" onClick={() => load('DELETE').then(apply)}>
            Stop listening
          </Button>
        ) : (
          <Button size="sm" onClick={() => load('POST').then(apply)}>
            Listen for test call
          </Button>
        ))}
      {state.lastCall && <LastTestCall call={state.lastCall} />}
      {problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
    </section>
  );
}

function LastTestCall({ call }: { call: TestCall }) {
  const answered = call.status === null ? 'the run is going' : `answered ${call.status}`;
  return (
    <div className="flex flex-col gap-1 border-t border-border pt-2" data-webhook-test-call>
      <p className="text-xs">
        Last test call at {time(call.receivedAt)}: {call.method}, {answered}
        {call.runId && (
          <>
            {' · '}
            <Link href={`/runs/${call.runId}`} className="text-primary underline-offset-2 hover:underline">
              Open the run
            </Link>
          </>
        )}
      </p>
      {call.error && <p className="text-xs text-danger">{call.error}</p>}
      {call.requestOmitted && <p className="text-xs text-muted-foreground">{call.requestOmitted}</p>}
      {call.request && (
        <>
          <p className="text-xs text-muted-foreground">
            Body{call.request.contentType && ` (${call.request.contentType})`}
          </p>
          <pre className="max-h-48 overflow-auto rounded bg-muted p-2 font-mono text-xs" data-webhook-test-body>
            {JSON.stringify(call.request.body, null, 2)}
          </pre>
          <details className="text-xs">
            <summary className="cursor-pointer text-muted-foreground">Headers and query</summary>
            <pre className="max-h-48 overflow-auto rounded bg-muted p-2 font-mono">
              {JSON.stringify({ headers: call.request.headers, query: call.request.query }, null, 2)}
            </pre>
          </details>
        </>
      )}
    </div>
  );
}
