import { Badge } from '@/components/ui/badge';
import type { DependencyName, HealthReport } from '@/lib/health/checks';

const labels: Record<DependencyName, string> = {
  database: 'PostgreSQL',
  redis: 'Redis',
  temporal: 'Temporal server',
  worker: 'Temporal worker',
  collab: 'Collaboration server',
};

export function DependencyList({ report }: { report: HealthReport }) {
  return (
    <ul className="divide-y divide-border">
      {(Object.keys(labels) as DependencyName[]).map((name) => {
        const dependency = report.dependencies[name];
        return (
          <li key={name} className="flex items-center justify-between gap-4 py-3" data-dependency={name}>
            <div className="min-w-0">
              <div className="text-sm font-medium">{labels[name]}</div>
              <div className="truncate text-xs text-muted-foreground">{dependency.detail}</div>
            </div>
            <div className="flex shrink-0 items-center gap-3">
              <span className="font-mono text-xs text-muted-foreground tabular-nums">{dependency.latencyMs} ms</span>
              <Badge tone={dependency.status === 'up' ? 'success' : 'danger'}>{dependency.status}</Badge>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
