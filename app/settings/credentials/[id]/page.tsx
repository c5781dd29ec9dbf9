import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { AdminOnlyNotice } from '@/components/auth/permission-notices';
import { RowAction } from '@/components/ui/row-action';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { credentialFormTypes } from '@/lib/connectors/credential-form-fields';
import { CredentialNotFound, decryptCredential, getCredentialMetadata } from '@/lib/vault/credentials';
import { OAuth2ConnectCard } from '@/components/settings/oauth2-connect-card';
import { CredentialLimitsForm } from '@/components/settings/credential-limits-form';
import { CircuitBreakerStatus } from '@/components/settings/circuit-breaker-status';
import { BREAKER_DEFAULTS, limitsOf } from '@/lib/connectors/credential-guard/limits';
import { credentialCircuit } from '@/lib/connectors/credential-guard/circuit-status';
import { deleteCredentialAction } from '../actions';
import { CredentialEditForm, CredentialTestForm } from './credential-editor';
import { resetCircuitAction, updateCredentialLimitsAction } from './actions';

export const metadata: Metadata = { title: 'Credential' };

// Types with an endpoint of their own test against it; plain HTTP auth needs a URL to try.
const SELF_TESTING = new Set(['oauth2', 'postgres', 'slackBot', 'smtp', 'anthropic', 'openai']);

/** What the OAuth2 callback's redirect says of a connection attempt. */
function oauth2Outcome(query: Record<string, string | string[] | undefined>) {
  if (typeof query.oauth2Error === 'string') return { error: query.oauth2Error };
  if (query.oauth2 === 'connected') return { connected: true as const };
  return undefined;
}

export default async function CredentialPage({ params, searchParams }: PageProps<'/settings/credentials/[id]'>) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const org = await requireOrg();
  if (!isAllowed(org.role, 'credential:manage')) return <AdminOnlyNotice role={org.role} what="credential details" />;
  const credential = await getCredentialMetadata(org.orgId, id).catch((error) => {
    if (error instanceof CredentialNotFound) notFound();
    throw error;
  });
  const type = credentialFormTypes.find((candidate) => candidate.type === credential.type)!;
  // The authorization URL is not a secret: it decides whether the page offers to connect.
  const oauth2 = credential.type === 'oauth2' ? await decryptCredential(org.orgId, id) : undefined;
  const circuit = await credentialCircuit(org.orgId, credential.id);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/settings/credentials" className="text-sm text-muted-foreground hover:text-foreground">
        ← All credentials
      </Link>
      <Card>
        <CardHeader>
          <CardTitle>{credential.name}</CardTitle>
          <CardDescription>
            {type.label} · <span className="font-mono">{credential.id}</span> · last used{' '}
            {credential.lastUsedAt ? formatRelativeTime(credential.lastUsedAt) : 'never'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CredentialEditForm id={credential.id} name={credential.name} type={type} />
        </CardContent>
      </Card>
      {oauth2?.type === 'oauth2' && (
        <OAuth2ConnectCard
          credentialId={credential.id}
          authorizationUrl={oauth2.authorizationUrl}
          outcome={oauth2Outcome(query)}
        />
      )}
      <Card>
        <CardHeader>
          <CardTitle>Rate limit and circuit breaker</CardTitle>
          <CardDescription>
            Shared by every run that uses this credential. Over the rate limit, a step waits for a free slot; after
            consecutive failures of the provider (network errors, timeouts, 5xx, 429), the circuit opens and steps wait
            out the cooldown without calling it, then one probe decides whether it closes.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <CircuitBreakerStatus
            id={credential.id}
            circuit={circuit}
            resetAction={isAllowed(org.role, 'credential:reset') ? resetCircuitAction : undefined}
          />
          <CredentialLimitsForm
            id={credential.id}
            limits={limitsOf(credential.metadata)}
            defaults={BREAKER_DEFAULTS}
            action={updateCredentialLimitsAction}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Test connection</CardTitle>
          <CardDescription>
            {SELF_TESTING.has(credential.type)
              ? 'Tries the credential against its service now.'
              : 'Sends a GET with this credential to a URL of the service it is for.'}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CredentialTestForm id={credential.id} needsUrl={!SELF_TESTING.has(credential.type)} />
        </CardContent>
      </Card>
      <div>
        <RowAction action={deleteCredentialAction} id={credential.id} label="Delete this credential" />
      </div>
    </div>
  );
}
