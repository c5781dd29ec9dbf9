'use client';

import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { OneTimeSecret } from '@/components/ui/one-time-secret';

/** GET /api/workflows/:id/webhook, as far as this panel shows it. */
interface Webhook {
  path: string;
  url: string | null;
  enabled: boolean;
  secretKind: 'bearer' | 'hmac' | null;
  trigger: { version: number; methods: string[]; auth: 'none' | 'bearer' | 'hmac'; response: string } | null;
  lastTriggeredAt: string | null;
  secret?: string;
}

type Loaded = { state: 'loading' } | { state: 'none' } | { state: 'shown'; webhook: Webhook };

async function errorMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => ({}));
  return body?.error?.message ?? `The server answered ${response.status}`;
}

/**
 * The production URL of a webhook trigger, which runs the latest published version: shown to
 * everyone once a version with the trigger is published, enabled or disabled and given a
 * secret by those who may edit (and created by them, for workflows published before webhooks).
 */
export function WebhookPanel({ readOnly }: { readOnly: boolean }) {
  const { id: workflowId } = useParams<{ id: string }>();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    fetch(`/api/workflows/${workflowId}/webhook`).then(async (response) => {
      if (!current) return;
      if (response.status === 404) setLoaded({ state: 'none' });
      else if (response.ok) setLoaded({ state: 'shown', webhook: await response.json() });
      else setProblem(await errorMessage(response));
    });
    return () => {
      current = false;
    };
  }, [workflowId]);

  const save = useCallback(
    async (change: { enabled?: boolean; rotateSecret?: boolean }) => {
      setBusy(true);
      setProblem(undefined);
      const response = await fetch(`/api/workflows/${workflowId}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(change),
      });
      setBusy(false);
      if (response.ok) setLoaded({ state: 'shown', webhook: await response.json() });
      else setProblem(await errorMessage(response));
    },
    [workflowId],
  );

  return (
    <section aria-label="Webhook URL" className="flex flex-col gap-2 rounded-md border border-border p-3 text-sm">
      <h3 className="font-medium">Production URL</h3>
      {loaded.state === 'loading' && <p className="text-xs text-muted-foreground">Loading…</p>}
      {loaded.state === 'none' && (
        <>
          <p className="text-xs text-muted-foreground">
            Publishing the workflow with this trigger gives it its URL: calls run the latest published version.
          </p>
          {!readOnly && (
            <Button variant="secondary" size="sm" disabled={busy} onClick={() => save({})}>
              Create URL
            </Button>
          )}
        </>
      )}
      {loaded.state === 'shown' && (
        <WebhookDetails webhook={loaded.webhook} readOnly={readOnly} busy={busy} save={save} />
      )}
      {problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
    </section>
  );
}

function WebhookDetails(props: {
  webhook: Webhook;
  readOnly: boolean;
  busy: boolean;
  save: (change: { enabled?: boolean; rotateSecret?: boolean }) => void;
}) {
  const { webhook, readOnly, busy, save } = props;
  const address = webhook.url ?? webhook.path;
  const auth = webhook.trigger?.auth ?? 'none';
  return (
    <>
      <div className="flex items-center gap-1">
        <code className="min-w-0 flex-1 break-all rounded bg-muted px-2 py-1 font-mono text-xs" data-webhook-url>
          {address}
        </code>
        <CopyButton text={address} label="Copy the webhook URL" />
      </div>
      <p className="text-xs text-muted-foreground">
        {webhook.enabled ? 'Enabled' : 'Disabled: calls are answered 410'}
        {webhook.trigger
          ? ` · version ${webhook.trigger.version} · ${webhook.trigger.methods.join(', ')} · auth ${auth} · answers ${webhook.trigger.response}`
          : ' · the latest published version has no webhook trigger: calls are answered 404'}
        {webhook.lastTriggeredAt && ` · last run started ${new Date(webhook.lastTriggeredAt).toLocaleString()}`}
      </p>
      {webhook.secret && (
        <OneTimeSecret
          title={`The ${auth === 'hmac' ? 'signing' : 'bearer'} secret, shown this once`}
          value={webhook.secret}
          dataAttribute="webhook-secret"
        />
      )}
      {!readOnly && (
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => save({ enabled: !webhook.enabled })}>
            {webhook.enabled ? 'Disable' : 'Enable'}
          </Button>
          {auth !== 'none' && (
            <Button variant="secondary" size="sm" disabled={busy} onClick={() => save({ rotateSecret: true })}>
              {webhook.secretKind === auth ? 'Rotate secret' : 'Make secret'}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
