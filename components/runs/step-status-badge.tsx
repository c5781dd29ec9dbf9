import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { StepStatus } from '@/lib/runs/run-contract';

const tones: Record<StepStatus, BadgeProps['tone']> = {
  PENDING: 'neutral',
  RUNNING: 'info',
  WAITING: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'danger',
  SKIPPED: 'neutral',
  CANCELLED: 'neutral',
};

/** A node attempt's status. */
export function StepStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status as StepStatus] ?? 'neutral'}>{status.toLowerCase()}</Badge>;
}
