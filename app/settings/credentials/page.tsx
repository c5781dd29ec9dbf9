import type { Metadata } from 'next';
import { z } from 'zod';
import { Badge } from '@/components/ui/badge';
import { RowAction } from '@/components/ui/row-action';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { ReadOnlyNotice } from '@/components/auth/permission-notices';
import { credentialTypes, credentialValueSchemas } from '@/lib/connectors/credential-types';
import { listCredentials } from '@/lib/vault/credentials';
import { CredentialForm, type CredentialFormType } from './credential-form';
import { deleteCredentialAction } from './actions';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Credentials' };

const labels: Record<string, string> = { bearer: 'Bearer token', basic: 'Basic auth', header: 'API key header' };
const SECRET_FIELDS = new Set(['token', 'password', 'value']);

// The form is generated from each credential type's zod schema.
const formTypes: CredentialFormType[] = credentialTypes.map((type) => {
  const schema = z.toJSONSchema(credentialValueSchemas[type]) as { properties?: Record<string, unknown> };
  return {
    type,
    label: labels[type] ?? type,
    fields: Object.keys(schema.properties ?? {}).map((name) => ({ name, secret: SECRET_FIELDS.has(name) })),
  };
});

export default async function CredentialsPage() {
  const org = await requireOrg();
  const credentials = await listCredentials(org.orgId);
  const canManage = isAllowed(org.role, 'credential:manage');
  return (
    <div className="flex flex-col gap-6">
      {!canManage && <ReadOnlyNotice role={org.role} what="which credentials exist" />}
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>New credential</CardTitle>
            <CardDescription>
              Stored encrypted; nodes refer to it by id and only the worker decrypts it, for the request that needs it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CredentialForm types={formTypes} />
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
            <Cell className="font-medium">{credential.name}</Cell>
            <Cell>
              <Badge>{labels[credential.type] ?? credential.type}</Badge>
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
