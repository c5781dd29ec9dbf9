import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { RunStatus } from '@/lib/db/generated/enums';

const tones: Record<RunStatus, BadgeProps['tone']> = {
  QUEUED: 'neutral',
  RUNNING: 'info',
  WAITING: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'danger',
  CANCELLED: 'neutral',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={tones[status]}>{status.toLowerCase()}</Badge>;
}
