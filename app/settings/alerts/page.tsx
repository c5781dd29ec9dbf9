import type { Metadata } from 'next';
import { formatRelativeTime } from '@/components/format';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { RowAction } from '@/components/ui/row-action';
import { Cell, DataTable } from '@/components/ui/table';
import { THRESHOLD_UNIT, type AlertKindName } from '@/lib/alerts/alert-rule-schema';
import { alertHistory, listAlertRules } from '@/lib/alerts/alert-rules';
import { SIGNATURE_HEADER } from '@/lib/alerts/sign';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { deleteAlertAction } from './actions';
import { CreateAlertForm } from './create-alert-form';

export const metadata: Metadata = { title: 'Alerts' };

function condition(rule: { kind: AlertKindName; threshold: number; windowMinutes: number }) {
  const unit = THRESHOLD_UNIT[rule.kind];
  if (rule.kind === 'success_rate_below')
    return `success rate < ${rule.threshold}${unit} over ${rule.windowMinutes} min`;
  if (rule.kind === 'burn_rate_above') return `burn rate > ${rule.threshold}${unit} over ${rule.windowMinutes} min`;
  if (rule.kind === 'queue_backlog_above') return `task-queue backlog > ${rule.threshold} ${unit}`;
  return `an approval waiting > ${rule.threshold} ${unit}`;
}

export default async function AlertsSettingsPage() {
  const org = await requireOrg();
  const canEdit = isAllowed(org.role, 'alert:manage');
  const [rules, history] = await Promise.all([listAlertRules(org), alertHistory(org.orgId, { limit: 50 })]);
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Alerts</CardTitle>
          <CardDescription>
            Every minute each rule is measured against this organization&apos;s runs. When it starts firing, and again
            when it resolves, a JSON POST goes to its webhook, signed in the{' '}
            <code className="font-mono">{SIGNATURE_HEADER}</code> header as <code className="font-mono">sha256=</code>{' '}
            and the HMAC-SHA256 of the body under the rule&apos;s secret.
            {!canEdit && ' Only owners and admins can add or remove rules.'}
          </CardDescription>
        </CardHeader>
        {canEdit && (
          <CardContent>
            <CreateAlertForm />
          </CardContent>
        )}
      </Card>
      <DataTable
        columns={['Rule', 'Condition', 'Webhook', 'State', '']}
        isEmpty={rules.length === 0}
        empty="No alert rules yet."
      >
        {rules.map((rule) => (
          <tr key={rule.id}>
            <Cell className="font-medium">{rule.name}</Cell>
            <Cell className="text-muted-foreground">{condition(rule)}</Cell>
            <Cell className="max-w-64 truncate font-mono text-xs text-muted-foreground">{rule.webhookUrl}</Cell>
            <Cell>
              {!rule.enabled ? (
                <Badge>disabled</Badge>
              ) : rule.firing ? (
                <Badge tone="danger">firing</Badge>
              ) : (
                <Badge tone="success">ok</Badge>
              )}
            </Cell>
            <Cell className="text-right">
              {canEdit && <RowAction action={deleteAlertAction} id={rule.id} label="Delete" />}
            </Cell>
          </tr>
        ))}
      </DataTable>
      <section className="flex flex-col gap-2" data-testid="alert-history">
        <h2 className="text-sm font-semibold tracking-tight">History</h2>
        <DataTable
          columns={['When', 'Rule', 'State', 'What was measured', 'Delivery']}
          isEmpty={history.length === 0}
          empty="No alert has fired yet."
        >
          {history.map((entry) => (
            <tr key={entry.id}>
              <Cell className="whitespace-nowrap text-muted-foreground">{formatRelativeTime(entry.createdAt)}</Cell>
              <Cell className="font-medium">{entry.ruleName}</Cell>
              <Cell>
                <Badge tone={entry.state === 'firing' ? 'danger' : 'success'}>{entry.state}</Badge>
              </Cell>
              <Cell className="text-muted-foreground">{entry.message}</Cell>
              <Cell className="whitespace-nowrap">
                {entry.deliveryError ? (
                  <Badge tone="warning" title={entry.deliveryError}>
                    {entry.deliveryStatus ?? 'failed'}
                  </Badge>
                ) : (
                  <Badge tone="success">{entry.deliveryStatus}</Badge>
                )}
              </Cell>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
