import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatRelativeTime } from '@/components/format';
import { currentOrg } from '@/lib/auth/current-org';
import { listApiKeys } from '@/lib/auth/api-keys';
import { CreateKeyForm } from './create-key-form';
import { revokeKeyAction } from './actions';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const keys = await listApiKeys(await currentOrg());
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
      <Card className="overflow-hidden">
        <table className="w-full text-sm">
          <thead className="border-b border-border bg-surface-raised text-left text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th className="px-4 py-2.5 font-medium">Name</th>
              <th className="px-4 py-2.5 font-medium">Key</th>
              <th className="px-4 py-2.5 font-medium">Role</th>
              <th className="px-4 py-2.5 font-medium">Last used</th>
              <th className="px-4 py-2.5 font-medium" />
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {keys.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-muted-foreground">
                  No API keys yet.
                </td>
              </tr>
            )}
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="px-4 py-3 font-medium">{key.name}</td>
                <td className="px-4 py-3 font-mono text-xs text-muted-foreground">fo_{key.prefix}_…</td>
                <td className="px-4 py-3">
                  <Badge>{key.role.toLowerCase()}</Badge>
                </td>
                <td className="px-4 py-3 text-muted-foreground">
                  {key.lastUsedAt ? formatRelativeTime(key.lastUsedAt) : 'never'}
                </td>
                <td className="px-4 py-3 text-right">
                  {key.revokedAt ? (
                    <Badge tone="danger">revoked</Badge>
                  ) : key.expiresAt && key.expiresAt < new Date() ? (
                    <Badge tone="warning">expired</Badge>
                  ) : (
                    <form action={revokeKeyAction}>
                      <input type="hidden" name="id" value={key.id} />
                      <Button type="submit" variant="ghost" size="sm">
                        Revoke
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
