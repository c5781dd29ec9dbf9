import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

export interface RunsFilterValues {
  workflowId?: string;
  status?: string;
  trigger?: string;
  range?: string;
  q?: string;
}

const STATUSES = ['QUEUED', 'RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const TRIGGERS = ['MANUAL', 'API', 'SCHEDULE', 'WEBHOOK', 'RERUN', 'SUBWORKFLOW', 'EVENT'];
const RANGES: [string, string][] = [
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
];

/**
 * The runs list's filters, as a plain GET form: every filter is a URL search parameter, so a
 * filtered list can be bookmarked and shared, and works before any script has loaded.
 */
export function RunsFilters({
  values,
  workflows,
}: {
  values: RunsFilterValues;
  workflows: { id: string; name: string }[];
}) {
  return (
    <form method="get" action="/runs" role="search" aria-label="Filter runs" className="flex flex-wrap items-end gap-2">
      <Input
        name="q"
        aria-label="Run id"
        placeholder="Run id starts with…"
        defaultValue={values.q}
        className="w-56 font-mono text-xs"
      />
      <Select name="workflowId" aria-label="Workflow" defaultValue={values.workflowId ?? ''}>
        <option value="">All workflows</option>
        {workflows.map((workflow) => (
          <option key={workflow.id} value={workflow.id}>
            {workflow.name}
          </option>
        ))}
      </Select>
      <Select name="status" aria-label="Status" defaultValue={values.status ?? ''}>
        <option value="">Any status</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {status.toLowerCase()}
          </option>
        ))}
      </Select>
      <Select name="trigger" aria-label="Trigger" defaultValue={values.trigger ?? ''}>
        <option value="">Any trigger</option>
        {TRIGGERS.map((trigger) => (
          <option key={trigger} value={trigger}>
            {trigger.toLowerCase()}
          </option>
        ))}
      </Select>
      <Select name="range" aria-label="Time range" defaultValue={values.range ?? ''}>
        <option value="">Any time</option>
        {RANGES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <button type="submit" className={buttonVariants({ variant: 'secondary' })}>
        Filter
      </button>
      <Link href="/runs" className={buttonVariants({ variant: 'ghost' })}>
        Clear
      </Link>
    </form>
  );
}
