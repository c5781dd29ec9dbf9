import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { RowAction } from '@/components/ui/row-action';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { ReadOnlyNotice } from '@/components/auth/permission-notices';
import { credentialTypeDefinitions, type CredentialType } from '@/lib/connectors/credential-types';
import { credentialFormTypes } from '@/lib/connectors/credential-form-fields';
import Link from 'next/link';
import { listCredentials } from '@/lib/vault/credentials';
import { CredentialForm } from './credential-form';
import { deleteCredentialAction } from './actions';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Credentials' };

export default async function CredentialsPage({ searchParams }: PageProps<'/settings/credentials'>) {
  const [org, { oauth2Error }] = await Promise.all([requireOrg(), searchParams]);
  const credentials = await listCredentials(org.orgId);
  const canManage = isAllowed(org.role, 'credential:manage');
  return (
    <div className="flex flex-col gap-6">
      {!canManage && <ReadOnlyNotice role={org.role} what="which credentials exist" />}
      {typeof oauth2Error === 'string' && (
        <p role="alert" className="text-sm text-danger">
          {oauth2Error}
        </p>
      )}
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>New credential</CardTitle>
            <CardDescription>
              Stored encrypted; nodes refer to it by id and only the worker decrypts it, for the request that needs it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CredentialForm types={credentialFormTypes} />
          </CardContent>
        </Card>
      )}
      <DataTable
        columns={['Name', 'Type', 'Id', 'Last used', '']}
        isEmpty={credentials.length === 0}
        empty="No credentials yet."
      >
        {credentials.map((credential) => (
          <tr key={credential.id}>
            <Cell className="font-medium">
              {canManage ? (
                <Link href={`/settings/credentials/${credential.id}`} className="underline-offset-4 hover:underline">
                  {credential.name}
                </Link>
              ) : (
                credential.name
              )}
            </Cell>
            <Cell>
              <Badge>{credentialTypeDefinitions[credential.type as CredentialType]?.label ?? credential.type}</Badge>
            </Cell>
            <Cell className="font-mono text-xs text-muted-foreground">{credential.id}</Cell>
            <Cell className="text-muted-foreground">
              {credential.lastUsedAt ? formatRelativeTime(credential.lastUsedAt) : 'never'}
            </Cell>
            <Cell className="text-right">
              {canManage && <RowAction action={deleteCredentialAction} id={credential.id} label="Delete" />}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
