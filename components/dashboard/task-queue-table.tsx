import { formatDuration } from '@/components/format';
import { Cell, DataTable } from '@/components/ui/table';
import { Timestamp } from '@/components/runs/timestamp';
import type { TaskQueueHealth } from '@/lib/health/task-queues';

const backlogText = (queue: TaskQueueHealth) => {
  if (queue.backlog === null) return 'not reported';
  if (queue.backlog === 0 || !queue.backlogAgeSeconds) return String(queue.backlog);
  return `${queue.backlog} (oldest ${formatDuration(Math.round(queue.backlogAgeSeconds * 1000))})`;
};

/** Each Temporal task queue the org's runs use, for workflow and activity tasks: backlog and workers. */
export function TaskQueueTable({ queues }: { queues: TaskQueueHealth[] }) {
  return (
    <DataTable columns={['Task queue', 'Tasks', 'Backlog', 'Workers', 'Last poll']} isEmpty={queues.length === 0}>
      {queues.map((queue) => (
        <tr key={`${queue.name}/${queue.kind}`} data-testid={`task-queue-${queue.name}-${queue.kind}`}>
          <Cell className="font-mono text-xs">{queue.name}</Cell>
          <Cell>{queue.kind}</Cell>
          <Cell className="tabular-nums">
            {queue.error ? <span title={queue.error}>unavailable</span> : backlogText(queue)}
          </Cell>
          <Cell className={queue.workers === 0 ? 'font-medium text-destructive tabular-nums' : 'tabular-nums'}>
            {queue.workers}
          </Cell>
          <Cell>{queue.lastPollAt ? <Timestamp iso={queue.lastPollAt} /> : 'never'}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
