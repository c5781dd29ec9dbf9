'use client';

import { useCallback, useMemo, useState } from 'react';
import type { DraftDefinition } from '@/lib/collab/draft-doc';
import type { PaletteNode } from '@/lib/connectors/palette';
import { LogPanel } from './log-panel';
import { RunActions, type RunPermissions } from './run-actions';
import { RunFailure } from './run-failure';
import { RunGraph } from './run-graph';
import { RunHeader, type RunIdentity } from './run-header';
import { postRunAction } from './run-api';
import { RunNodeInspector } from './run-node-inspector';
import { nodeStates, type RunStreamState } from './run-stream-state';
import { useRunStream } from './use-run-stream';

export interface RunViewProps {
  identity: RunIdentity;
  initial: RunStreamState;
  /** The run's version, or null when it cannot be shown (its workflow was deleted). */
  definition: DraftDefinition | null;
  /** The node types the version uses. */
  palette: PaletteNode[];
  may: RunPermissions;
  /** The node to inspect on arrival (`?node=`): a failed run's list entry links to its failing node. */
  initialNodeId: string | null;
}

/** The run page: header and actions, the live graph, the node inspector and the live log. */
export function RunView({ identity, initial, definition, palette, may, initialNodeId }: RunViewProps) {
  const { run, steps, logs, logsOmitted, connection } = useRunStream(identity.id, initial);
  const [selectedNodeId, setSelectedNodeId] = useState(initialNodeId);
  const paletteByType = useMemo(() => new Map(palette.map((type) => [type.type, type])), [palette]);
  const nodes = useMemo(
    () =>
      (definition?.nodes ?? []).map((node) => ({
        id: node.id,
        type: node.type,
        label: node.name || paletteByType.get(node.type)?.label || node.id,
      })),
    [definition, paletteByType],
  );
  const states = useMemo(() => nodeStates(steps), [steps]);
  const approvals = nodes.filter((node) => node.type === 'human.approval' && states[node.id]?.status === 'WAITING');
  const decide = useCallback(
    async (nodeId: string, decision: 'approved' | 'rejected') => {
      await postRunAction(`/api/runs/${identity.id}/approvals/${nodeId}`, { decision });
    },
    [identity.id],
  );
  const [decideError, setDecideError] = useState<string>();
  const decideOnNode = useCallback(
    (nodeId: string, decision: 'approved' | 'rejected') => {
      setDecideError(undefined);
      decide(nodeId, decision).catch((failure: Error) => setDecideError(failure.message));
    },
    [decide],
  );
  const selected = nodes.find((node) => node.id === selectedNodeId);
  const labelOf = (nodeId: string) => nodes.find((node) => node.id === nodeId)?.label ?? nodeId;
  return (
    <div className="flex h-screen flex-col">
      <RunHeader
        identity={identity}
        run={run}
        actions={
          <RunActions
            runId={identity.id}
            status={run.status}
            may={may}
            approvals={approvals}
            nodes={nodes}
            selectedNodeId={selectedNodeId}
            onDecide={decide}
          />
        }
      />
      {run.status === 'FAILED' && <RunFailure error={run.error} nodeLabel={labelOf} onInspect={setSelectedNodeId} />}
      {decideError && (
        <p role="alert" className="border-b border-danger/30 bg-danger/5 px-6 py-2 text-sm text-danger">
          {decideError}
        </p>
      )}
      <div className="flex min-h-0 flex-1">
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-[3]">
            {definition ? (
              <RunGraph
                definition={definition}
                palette={paletteByType}
                states={states}
                selectedNodeId={selectedNodeId}
                onSelect={setSelectedNodeId}
                onDecide={may.approve ? decideOnNode : undefined}
              />
            ) : (
              <p className="p-6 text-sm text-muted-foreground">
                This run’s workflow was deleted; its graph is no longer available.
              </p>
            )}
            {connection === 'reconnecting' && (
              <p className="absolute top-2 left-2 rounded-md bg-warning/15 px-2 py-1 text-xs text-warning">
                Reconnecting to the live run…
              </p>
            )}
          </div>
          <div className="flex min-h-0 flex-[2] flex-col border-t border-border">
            <LogPanel lines={logs} omitted={logsOmitted} nodes={nodes} onSelectNode={setSelectedNodeId} />
          </div>
        </div>
        {selected && (
          <RunNodeInspector
            key={selected.id}
            node={selected}
            steps={steps.filter((step) => step.nodeId === selected.id)}
            onClose={() => setSelectedNodeId(null)}
          />
        )}
      </div>
    </div>
  );
}
