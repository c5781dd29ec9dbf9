import type { Metadata } from 'next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { readOrgAllowlist } from '@/lib/outbound/org-allowlist';
import { AllowlistForm } from './allowlist-form';

export const metadata: Metadata = { title: 'Network' };

export default async function NetworkSettingsPage() {
  const org = await requireOrg();
  const entries = await readOrgAllowlist(org.orgId);
  const canEdit = isAllowed(org.role, 'network:manage');
  return (
    <Card>
      <CardHeader>
        <CardTitle>Outbound allowlist</CardTitle>
        <CardDescription>
          HTTP nodes, credential tests and OAuth2 token requests reach the public internet only. List the private hosts
          and address ranges (host names, <code className="font-mono">*.domain</code>, IP addresses or CIDR ranges) this
          organization&apos;s workflows may also call. Loopback and cloud metadata addresses stay closed: only the
          deployment can open them.
          {!canEdit && ' Only owners and admins can change this list.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AllowlistForm entries={entries} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
