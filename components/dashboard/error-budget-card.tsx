import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { ErrorBudget } from '@/lib/dashboard/error-budget';

const percent = (fraction: number | null, digits = 2) =>
  fraction === null ? '—' : `${(fraction * 100).toFixed(digits)}%`;

// The SRE workbook's page-worthy burn: 14.4× spends 2% of a 30-day budget in one hour.
const FAST_BURN = 14.4;

function Figure({ label, value, alarm, testId }: { label: string; value: ReactNode; alarm?: boolean; testId: string }) {
  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className={cn('font-mono text-2xl font-semibold tabular-nums', alarm && 'text-danger')}>{value}</span>
    </div>
  );
}

/** The org's SLO, how much of its error budget is left, and how fast it burns over 1 h and 6 h. */
export function ErrorBudgetCard({ budget, form }: { budget: ErrorBudget; form?: ReactNode }) {
  const { slo } = budget;
  return (
    <Card data-testid="error-budget">
      <CardHeader>
        <CardTitle>Error budget</CardTitle>
        <CardDescription>
          Objective: {slo.objectivePercent}% of runs succeed over {slo.windowDays} days ({budget.failed} of{' '}
          {budget.decided} failed). Burn rate 1 means spending exactly the budget.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-end gap-10">
        <Figure
          testId="budget-remaining"
          label="Budget remaining"
          value={percent(budget.budgetRemaining, 1)}
          alarm={budget.budgetRemaining !== null && budget.budgetRemaining < 0}
        />
        <Figure testId="slo-success-rate" label={`Success, ${slo.windowDays} d`} value={percent(budget.successRate)} />
        {budget.burnRates.map((burn) => (
          <Figure
            key={burn.windowHours}
            testId={`burn-rate-${burn.windowHours}h`}
            label={`Burn rate, ${burn.windowHours} h`}
            value={burn.burnRate === null ? '—' : `${burn.burnRate.toFixed(1)}×`}
            alarm={burn.burnRate !== null && burn.burnRate >= FAST_BURN}
          />
        ))}
        {form && <div className="ml-auto">{form}</div>}
      </CardContent>
    </Card>
  );
}
