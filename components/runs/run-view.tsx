'use client';

import { useCallback, useMemo, useState } from 'react';
import type { DraftDefinition } from '@/lib/collab/draft-doc';
import type { PaletteNode } from '@/lib/connectors/palette';
import type { RunStepData } from '@/lib/events/run-stream-schema';
import { remediationHint } from '@/lib/runs/remediation-hint';
import { LogPanel } from './log-panel';
import { RunActions, type RunPermissions } from './run-actions';
import { RunFailure } from './run-failure';
import { RunGraph } from './run-graph';
import { RunHeader, type RunIdentity } from './run-header';
import { postRunAction } from './run-api';
import { PayloadLoaderContext, runPayloadLoader } from './payload-loader';
import { readNodeError } from './node-error-data';
import { FINISHED_RUN, nodeStates, type RunStreamState } from './run-stream-state';
import type { TraceSelection } from './run-trace';
import { contextAt, type ContextGraph } from './step-context';
import { useRunStream } from './use-run-stream';
import { useLoadedModule } from './use-loaded-module';

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
  /** The run's input, for the context inspector. */
  runInput: unknown;
  /** Names of the credentials the version's nodes use, by id, for error hints. */
  credentialNames: Record<string, string>;
}

type BottomTab = 'log' | 'trace';

// Not on screen at first (the trace is behind its tab, the inspector waits for a node to be
// chosen), so their code is left out of what the page needs before it is interactive, and
// fetched as soon as it is, so opening either does not wait for it. Drawn in the browser only:
// a server-drawn button whose code has not yet arrived would drop a click.
const loadTrace = () => import('./run-trace');
const loadInspector = () => import('./run-node-inspector');

/** The credential a node's config uses (`auth.credentialId` of an HTTP node, else `credentialId`), if any. */
function credentialIdOf(config: Record<string, unknown> | undefined): string | null {
  const auth = config?.auth as { type?: unknown; credentialId?: unknown } | undefined;
  if (auth?.type === 'credential' && typeof auth.credentialId === 'string') return auth.credentialId;
  return typeof config?.credentialId === 'string' ? config.credentialId : null;
}

/** The run page: header and actions, the live graph, the node inspector, the live log and trace. */
export function RunView({
  identity,
  initial,
  definition,
  palette,
  may,
  initialNodeId,
  runInput,
  credentialNames,
}: RunViewProps) {
  const { run, steps, logs, logsOmitted, stepsPartial, connection } = useRunStream(identity.id, initial);
  const trace = useLoadedModule(loadTrace);
  const inspector = useLoadedModule(loadInspector);
  const [selectedNodeId, setSelectedNodeIdOnly] = useState(initialNodeId);
  // The attempt chosen on the trace; choosing a node elsewhere shows its latest attempt.
  const [chosenStepKey, setChosenStepKey] = useState<string | null>(null);
  const [tab, setTab] = useState<BottomTab>('log');
  const setSelectedNodeId = useCallback((nodeId: string | null) => {
    setSelectedNodeIdOnly(nodeId);
    setChosenStepKey(null);
  }, []);
  const selectBar = useCallback(({ nodeId, key }: TraceSelection) => {
    setSelectedNodeIdOnly(nodeId);
    setChosenStepKey(key);
  }, []);
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
  const definitionNode = useMemo(() => new Map(definition?.nodes.map((node) => [node.id, node])), [definition]);
  const labelOf = useCallback((nodeId: string) => nodes.find((node) => node.id === nodeId)?.label ?? nodeId, [nodes]);
  const nodeTypeOf = useCallback((nodeId: string) => definitionNode.get(nodeId)?.type, [definitionNode]);
  const hintFor = useCallback(
    (error: unknown) => {
      const parsed = readNodeError(error);
      if (!parsed || !selectedNodeId) return null;
      const node = definitionNode.get(selectedNodeId);
      const credentialId = credentialIdOf(node?.config);
      return remediationHint({
        error: parsed,
        nodeType: node?.type,
        credential: credentialId && (credentialNames[credentialId] ?? credentialId),
      });
    },
    [definitionNode, selectedNodeId, credentialNames],
  );
  const contextGraph = useMemo<ContextGraph>(
    () => ({
      node: (nodeId) => {
        const node = definitionNode.get(nodeId);
        return node && { type: node.type, onError: node.settings.onError };
      },
      edges: definition?.edges ?? [],
    }),
    [definitionNode, definition],
  );
  const contextFor = useCallback(
    (step: RunStepData) => contextAt(step, steps, runInput, contextGraph),
    [steps, runInput, contextGraph],
  );
  const traceRun = useMemo(() => ({ startedAt: run.startedAt, endedAt: run.endedAt }), [run.startedAt, run.endedAt]);
  const loadPayload = useMemo(() => runPayloadLoader(identity.id), [identity.id]);
  return (
    <PayloadLoaderContext value={loadPayload}>
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
              <div role="tablist" aria-label="Run details" className="flex gap-1 border-b border-border px-3 pt-1.5">
                {(['log', 'trace'] as const).map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    aria-selected={tab === name}
                    onClick={() => setTab(name)}
                    className={
                      tab === name
                        ? '-mb-px border-b-2 border-primary px-3 py-1 text-xs font-medium'
                        : 'px-3 py-1 text-xs text-muted-foreground hover:text-foreground'
                    }
                  >
                    {name === 'log' ? 'Log' : 'Trace'}
                  </button>
                ))}
              </div>
              {/* The log stays mounted behind the trace, so its filters and follow mode survive a look at the trace. */}
              <div className={tab === 'log' ? 'flex min-h-0 flex-1 flex-col' : 'hidden'}>
                <LogPanel lines={logs} omitted={logsOmitted} nodes={nodes} onSelectNode={setSelectedNodeId} />
              </div>
              {tab === 'trace' && (stepsPartial || !trace) && (
                <p className="p-4 text-sm text-muted-foreground" role="status">
                  Loading every step of the run…
                </p>
              )}
              {tab === 'trace' && !stepsPartial && trace && (
                <trace.RunTrace
                  steps={steps}
                  run={traceRun}
                  live={!FINISHED_RUN.has(run.status)}
                  nodeTypeOf={nodeTypeOf}
                  labelOf={labelOf}
                  selectedKey={chosenStepKey}
                  onSelect={selectBar}
                />
              )}
            </div>
          </div>
          {selected && inspector && (
            <inspector.RunNodeInspector
              key={`${selected.id} ${chosenStepKey ?? ''}`}
              node={selected}
              steps={steps.filter((step) => step.nodeId === selected.id)}
              initialStepKey={chosenStepKey}
              hintFor={hintFor}
              contextFor={contextFor}
              onClose={() => setSelectedNodeId(null)}
            />
          )}
        </div>
      </div>
    </PayloadLoaderContext>
  );
}
