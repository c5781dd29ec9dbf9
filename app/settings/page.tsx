import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DependencyList } from '@/components/health/dependency-list';
import { checkHealth } from '@/lib/health/checks';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const report = await checkHealth();
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between">
        <div>
          <CardTitle>System status</CardTitle>
          <CardDescription>The services this installation depends on, checked just now.</CardDescription>
        </div>
        <Badge tone={report.status === 'up' ? 'success' : 'danger'}>
          {report.status === 'up' ? 'All systems up' : 'Degraded'}
        </Badge>
      </CardHeader>
      <CardContent>
        <DependencyList report={report} />
      </CardContent>
    </Card>
  );
}
