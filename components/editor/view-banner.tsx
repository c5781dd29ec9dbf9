'use client';

import { Button } from '@/components/ui/button';
import type { ShownGraph, VersionSide } from './use-version-view';

const sideName = (side: VersionSide) => (side === 'draft' ? 'the draft' : `version ${side}`);

/** Says the canvas shows a version or a diff, not the editable draft, and leads back to it. */
export function ViewBanner({
  shown,
  canRestore,
  onRestore,
  onBack,
}: {
  shown: ShownGraph;
  canRestore: boolean;
  onRestore: (version: number) => void;
  onBack: () => void;
}) {
  const { view, diff } = shown;
  if (view.kind === 'draft') return null;
  let text: string;
  if (view.kind === 'version') {
    text = `Viewing version ${view.version}, read-only.`;
  } else {
    const counts = diff
      ? [
          [diff.nodes.added.length, 'added'],
          [diff.nodes.removed.length, 'removed'],
          [diff.nodes.changed.length, 'changed'],
        ]
          .filter(([count]) => count)
          .map(([count, what]) => `${count} ${what}`)
          .join(', ')
      : '';
    text = `Comparing ${sideName(view.from)} with ${sideName(view.to)}: ${counts ? `nodes ${counts}` : 'no node changed'}.`;
  }
  return (
    <div
      role="note"
      data-testid="view-banner"
      className="flex items-center gap-3 border-b border-primary/30 bg-primary/10 px-4 py-1.5 text-sm text-primary"
    >
      <span className="flex-1">{text}</span>
      {view.kind === 'version' && canRestore && (
        <Button size="sm" variant="secondary" onClick={() => onRestore(view.version)}>
          Restore into the draft
        </Button>
      )}
      <Button size="sm" variant="secondary" onClick={onBack}>
        Back to the draft
      </Button>
    </div>
  );
}
