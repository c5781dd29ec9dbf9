'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { RotateCcw } from 'lucide-react';
import { Button, buttonVariants } from '@/components/ui/button';
import { postRunAction } from './run-api';

const selectClass = 'h-8 w-full rounded-md border border-border bg-surface px-2 text-sm';

/**
 * Starts a new run of this one's input: from the start, from the failed node, or from a chosen
 * node (the nodes before it keep their recorded outputs), on this version or the latest. Opens
 * the new run's page.
 */
export function RerunMenu({
  runId,
  failed,
  nodes,
  selectedNodeId,
}: {
  runId: string;
  failed: boolean;
  nodes: { id: string; label: string }[];
  selectedNodeId: string | null;
}) {
  const router = useRouter();
  const [from, setFrom] = useState(failed ? 'failed' : (selectedNodeId ?? 'start'));
  const [version, setVersion] = useState<'same' | 'latest'>('same');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const rerun = async () => {
    setPending(true);
    setError(undefined);
    try {
      const { runId: next } = await postRunAction<{ runId: string }>(`/api/runs/${runId}/rerun`, { from, version });
      router.push(`/runs/${next}`);
    } catch (failure) {
      setError((failure as Error).message);
      setPending(false);
    }
  };
  return (
    <details className="relative">
      <summary className={buttonVariants({ variant: 'secondary', size: 'sm', className: 'list-none' })}>
        <RotateCcw />
        Rerun
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 space-y-3 rounded-lg border border-border bg-surface-raised p-3 shadow-lg">
        <label className="block text-xs text-muted-foreground">
          From
          <select className={selectClass} value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="start">The start</option>
            {failed && <option value="failed">The failed node</option>}
            {nodes.map((node) => (
              <option key={node.id} value={node.id}>
                Node: {node.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs text-muted-foreground">
          Version
          <select
            className={selectClass}
            value={version}
            onChange={(event) => setVersion(event.target.value as 'same' | 'latest')}
          >
            <option value="same">This run’s version</option>
            <option value="latest">The latest version</option>
          </select>
        </label>
        {error && (
          <p role="alert" className="text-xs text-danger">
            {error}
          </p>
        )}
        <Button size="sm" className="w-full" disabled={pending} onClick={rerun}>
          {pending ? 'Starting…' : 'Start the rerun'}
        </Button>
      </div>
    </details>
  );
}
