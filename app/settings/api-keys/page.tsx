import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { RowAction } from '@/components/ui/row-action';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { AdminOnlyNotice } from '@/components/auth/permission-notices';
import { listApiKeys } from '@/lib/auth/api-keys';
import { CreateKeyForm } from './create-key-form';
import { revokeKeyAction } from './actions';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const org = await requireOrg();
  if (!isAllowed(org.role, 'apikey:manage')) return <AdminOnlyNotice role={org.role} what="API keys" />;
  const keys = await listApiKeys(org);
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>New API key</CardTitle>
          <CardDescription>
            Scripts send it as <code className="font-mono">Authorization: Bearer …</code>; it acts with the role you
            pick.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateKeyForm />
        </CardContent>
      </Card>
      <DataTable
        columns={['Name', 'Key', 'Role', 'Last used', '']}
        isEmpty={keys.length === 0}
        empty="No API keys yet."
      >
        {keys.map((key) => (
          <tr key={key.id}>
            <Cell className="font-medium">{key.name}</Cell>
            <Cell className="font-mono text-xs text-muted-foreground">fo_{key.prefix}_…</Cell>
            <Cell>
              <Badge>{key.role.toLowerCase()}</Badge>
            </Cell>
            <Cell className="text-muted-foreground">
              {key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : 'never'}
            </Cell>
            <Cell className="text-right">
              {key.revokedAt ? (
                <Badge tone="danger">revoked</Badge>
              ) : key.expiresAt && key.expiresAt < new Date() ? (
                <Badge tone="warning">expired</Badge>
              ) : (
                <RowAction action={revokeKeyAction} id={key.id} label="Revoke" />
              )}
            </Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
