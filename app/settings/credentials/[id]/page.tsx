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
import { CredentialNotFound, getCredentialMetadata } from '@/lib/vault/credentials';
import { deleteCredentialAction } from '../actions';
import { CredentialEditForm, CredentialTestForm } from './credential-editor';

export const metadata: Metadata = { title: 'Credential' };

// Types with an endpoint of their own test against it; plain HTTP auth needs a URL to try.
const SELF_TESTING = new Set(['oauth2', 'postgres', 'slackBot', 'smtp', 'anthropic', 'openai']);

export default async function CredentialPage({ params }: PageProps<'/settings/credentials/[id]'>) {
  const { id } = await params;
  const org = await requireOrg();
  if (!isAllowed(org.role, 'credential:manage')) return <AdminOnlyNotice role={org.role} what="credential details" />;
  const credential = await getCredentialMetadata(org.orgId, id).catch((error) => {
    if (error instanceof CredentialNotFound) notFound();
    throw error;
  });
  const type = credentialFormTypes.find((candidate) => candidate.type === credential.type)!;
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
