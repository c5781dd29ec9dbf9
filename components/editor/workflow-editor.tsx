'use client';

import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import * as Y from 'yjs';
import { draftMeta, draftNodes, writeDraft } from '@/lib/collab/draft-doc';
import { addNode, moveNodes } from '@/lib/collab/draft-edits';
import { layoutPositions, preloadAutoLayout } from '@/lib/definition/layered-layout';
import type { PaletteNode } from '@/lib/connectors/palette';
import type { CanvasSize } from './canvas-size';
import { copySelection, pasteNodes } from './clipboard';
import { outputsOf } from './graph-view';
import { EditorHeader } from './editor-header';
import { NodePalette } from './node-palette';
import { outputFieldsOf } from './properties/output-fields';
import { PublishDialog } from './publish-dialog';
import { RunDialog, type RunTarget } from './run-dialog';
import { ShortcutsHelp } from './shortcuts-help';
import { useCollabDraft } from './use-collab-draft';
import { useDraft } from './use-draft';
import { useDraftProblems } from './use-draft-problems';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { usePresence, type PresenceUser } from './use-presence';
import { useRunStatus } from './use-run-status';
import { useVersionView, type CanvasView } from './use-version-view';
import { VersionsPanel } from './versions-panel';
import { ViewBanner } from './view-banner';
import { WorkflowSettingsDialog, type WorkflowSettings } from './workflow-settings-dialog';
import { WorkflowCanvas } from './workflow-canvas';

// The inspector's forms bring CodeMirror, a third of the editor's own JavaScript: it is fetched
// once the draft is drawn and the page idle (or when a node is first selected).
const loadInspector = () => import('./node-inspector').then((module) => module.NodeInspector);
const NodeInspector = dynamic(loadInspector, { ssr: false });

export interface WorkflowEditorProps {
  workflowId: string;
  /** Where the draft lives, and a token the page signed for the first connection to it. */
  collab: { url: string; document: string; token: string; tokenExpiresAt: number; readOnly: boolean };
  /** The draft's stored Yjs state (base64), drawn before the collab connection has synced. */
  storedDraft?: string;
  palette: readonly PaletteNode[];
  credentials: { id: string; name: string; type: string }[];
  me: PresenceUser;
  /** The canvas's size when this browser last showed it: the server fits the first view to it. */
  canvasSize: CanvasSize;
  canPublish: boolean;
  canRun: boolean;
}

async function errorMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => ({}));
  return body?.error?.message ?? `The server answered ${response.status}`;
}

/** The collaborative editor: palette, canvas and inspector over one shared draft document. */
export function WorkflowEditor(props: WorkflowEditorProps) {
  const { workflowId, collab, storedDraft, palette, credentials, me, canPublish, canRun, canvasSize } = props;
  const session = useCollabDraft({ workflowId, ...collab, storedDraft });
  // Editing starts once the draft has arrived: an edit to a half-loaded draft could be lost.
  const readOnly = collab.readOnly || !session.loaded;
  const { doc } = session;
  const draft = useDraft(doc);
  // CodeMirror and elkjs (2 MB between them) are parsed once the draft is in, not before it is drawn.
  useEffect(() => {
    if (!session.loaded) return;
    (window.requestIdleCallback ?? setTimeout)(() => {
      void loadInspector();
      preloadAutoLayout();
    });
  }, [session.loaded]);
  const problems = useDraftProblems(draft.definition);
  const { peers, share } = usePresence(session.provider, me);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<{ tone: 'info' | 'danger'; text: string }>();
  const [publishing, setPublishing] = useState(false);
  const [publishDialog, setPublishDialog] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  // Bumped on every publish, so the versions panel lists the new one.
  const [publishCount, setPublishCount] = useState(0);
  const [runDialog, setRunDialog] = useState(false);
  const [help, setHelp] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useRunStatus(runId);
  const types = useMemo(() => new Map(palette.map((node) => [node.type, node])), [palette]);
  const fitRequested = useRef(false);
  const versionView = useVersionView(workflowId, draft.definition);
  const { shown } = versionView;
  // A version or a diff is on the canvas instead of the editable draft.
  const viewing = shown.view.kind !== 'draft';
  const canvasReadOnly = readOnly || viewing;
  const canvasDraft = useMemo(
    () => (viewing ? { ...draft, definition: shown.definition } : draft),
    [viewing, draft, shown],
  );
  // Undo is per person: only this browser's own edits (origin null) are tracked.
  const undo = useMemo(
    () =>
      new Y.UndoManager([draftMeta(doc), draftNodes(doc), doc.getMap('edges')], { trackedOrigins: new Set([null]) }),
    [doc],
  );

  const selectNodes = useCallback(
    (next: Set<string>) => {
      setSelected(next);
      share('selectedNodeId', next.size === 1 ? [...next][0] : undefined);
    },
    [share],
  );

  const decide = useCallback(
    async (nodeId: string, decision: 'approved' | 'rejected') => {
      if (!runId) return;
      const response = await fetch(`/api/runs/${runId}/approvals/${nodeId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ decision }),
      });
      if (!response.ok) setNotice({ tone: 'danger', text: await errorMessage(response) });
    },
    [runId],
  );

  const decorations = useMemo(() => {
    if (viewing) return { problems: new Map(), runStatus: {}, selectedBy: new Map(), diff: shown.graph?.nodeMarks };
    const byNode = new Map<string, string[]>();
    for (const problem of problems) {
      if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem.message]);
    }
    const selectedBy = new Map<string, string[]>();
    for (const peer of peers) {
      if (peer.selectedNodeId)
        selectedBy.set(peer.selectedNodeId, [...(selectedBy.get(peer.selectedNodeId) ?? []), peer.user.color]);
    }
    return { problems: byNode, runStatus: run?.nodes ?? {}, selectedBy, decide: canRun ? decide : undefined };
  }, [problems, peers, run, decide, canRun, viewing, shown]);
  const edgeProblems = useMemo(
    () => new Set(viewing ? [] : problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))),
    [problems, viewing],
  );

  const shortcuts = useMemo(
    () => ({
      undo: () => undo.undo(),
      redo: () => undo.redo(),
      copy: () => {
        const text = copySelection(doc, selected);
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
      },
      paste: (text: string) => {
        const added = pasteNodes(doc, text);
        if (added) selectNodes(new Set(added));
      },
      selectAll: () => selectNodes(new Set(draft.definition.nodes.map((node) => node.id))),
      clearSelection: () => selectNodes(new Set()),
      help: () => setHelp(true),
    }),
    [undo, doc, selected, selectNodes, draft],
  );
  useEditorShortcuts(shortcuts, !canvasReadOnly);

  const publish = async (message: string) => {
    setPublishing(true);
    const response = await fetch(`/api/workflows/${workflowId}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    setPublishing(false);
    if (response.status === 201) {
      const { version } = await response.json();
      setPublishCount((count) => count + 1);
      setNotice({ tone: 'info', text: `Published version ${version}.` });
    } else {
      setNotice({ tone: 'danger', text: await errorMessage(response) });
    }
  };

  const startRun = async (input: unknown, target: RunTarget): Promise<string | undefined> => {
    const response = await fetch(`/api/workflows/${workflowId}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input, ...(target === 'draft' ? { draft: true } : {}) }),
    });
    if (response.status !== 202) return errorMessage(response);
    setRunId((await response.json()).runId);
    return undefined;
  };

  const showView = async (view: CanvasView) => {
    try {
      await versionView.show(view);
      selectNodes(new Set());
      fitRequested.current = true;
    } catch (error) {
      setNotice({ tone: 'danger', text: (error as Error).message });
    }
  };

  const restore = async (version: number) => {
    try {
      writeDraft(doc, { definition: await versionView.versionDefinition(version) });
    } catch (error) {
      setNotice({ tone: 'danger', text: (error as Error).message });
      return;
    }
    await showView({ kind: 'draft' });
    setNotice({ tone: 'info', text: `Restored version ${version} into the draft. Undo (Ctrl+Z) takes it back.` });
  };

  const selectedNode = selected.size === 1 ? shown.definition.nodes.find((node) => selected.has(node.id)) : undefined;
  const nodeIds = draft.definition.nodes.map((node) => node.id);
  const outputFields = useMemo(
    () =>
      Object.fromEntries(
        draft.definition.nodes.map((node) => [node.id, outputFieldsOf(types.get(node.type)?.outputSchema)]),
      ),
    [draft, types],
  );

  return (
    <div className="flex h-screen flex-col">
      <EditorHeader
        name={draft.name}
        onRename={(name) => draftMeta(doc).set('name', name)}
        connection={session.state}
        loaded={session.loaded}
        me={me}
        peers={peers}
        readOnly={collab.readOnly}
        viewing={viewing}
        canPublish={canPublish}
        canRun={canRun}
        publishing={publishing}
        onUndo={() => undo.undo()}
        onRedo={() => undo.redo()}
        onPublish={() => setPublishDialog(true)}
        onRun={() => setRunDialog(true)}
        onHelp={() => setHelp(true)}
        onSettings={() => setSettingsOpen(true)}
        onLayout={async () => {
          fitRequested.current = true;
          const { nodes, edges } = draft.definition;
          const graph = {
            nodes: nodes.map((node) => ({ id: node.id, outputs: outputsOf(node, types.get(node.type)) })),
            edges,
          };
          moveNodes(doc, await layoutPositions(graph));
        }}
        versionsOpen={versionsOpen}
        onVersions={() => {
          if (versionsOpen) void showView({ kind: 'draft' });
          setVersionsOpen(!versionsOpen);
        }}
        runLink={run ? { href: `/runs/${run.runId}`, status: run.status } : undefined}
      />
      {notice && (
        <div
          role="status"
          className={`flex items-center justify-between border-b px-4 py-1.5 text-sm ${notice.tone === 'danger' ? 'border-danger/30 bg-danger/10 text-danger' : 'border-primary/30 bg-primary/10 text-primary'}`}
        >
          <span>{notice.text}</span>
          <button type="button" className="text-xs underline" onClick={() => setNotice(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {collab.readOnly && (
        <div role="note" className="border-b border-border bg-muted/50 px-4 py-1.5 text-sm text-muted-foreground">
          You can watch this draft change live, but your role cannot edit it.
        </div>
      )}
      <ViewBanner
        shown={shown}
        canRestore={!readOnly}
        onRestore={restore}
        onBack={() => void showView({ kind: 'draft' })}
      />
      <div className="flex min-h-0 flex-1">
        {versionsOpen ? (
          <VersionsPanel
            workflowId={workflowId}
            refreshKey={publishCount}
            shown={shown}
            canRestore={!readOnly}
            onShow={showView}
            onRestore={restore}
            onSelectNode={(id) => selectNodes(new Set([id]))}
            onClose={() => {
              setVersionsOpen(false);
              void showView({ kind: 'draft' });
            }}
          />
        ) : (
          <NodePalette
            nodes={palette}
            disabled={readOnly}
            onAdd={(node) => {
              const count = draft.definition.nodes.length;
              const id = addNode(doc, {
                type: node.type,
                typeVersion: node.version,
                position: { x: 80 + (count % 5) * 240, y: 80 + Math.floor(count / 5) * 140 },
              });
              selectNodes(new Set([id]));
            }}
          />
        )}
        <WorkflowCanvas
          doc={doc}
          draft={canvasDraft}
          palette={types}
          decorations={decorations}
          edgeProblems={edgeProblems}
          edgeDiff={shown.graph?.edgeMarks}
          readOnly={canvasReadOnly}
          peers={peers}
          selectedNodes={selected}
          inspectedNodeId={selectedNode?.id}
          onSelectionChange={selectNodes}
          onPointerMove={(position) => share('cursor', position)}
          onRefused={(text) => setNotice({ tone: 'danger', text })}
          fitRequestedRef={fitRequested}
          assumedSize={canvasSize}
        />
        {selectedNode && (
          <NodeInspector
            doc={doc}
            node={selectedNode}
            type={types.get(selectedNode.type)}
            problems={viewing ? [] : problems.filter((problem) => problem.nodeId === selectedNode.id)}
            readOnly={canvasReadOnly}
            nodeIds={nodeIds}
            outputFields={outputFields}
            credentials={credentials}
            onTestRun={setRunId}
          />
        )}
      </div>
      {runDialog && <RunDialog workflowId={workflowId} onStart={startRun} onClose={() => setRunDialog(false)} />}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {settingsOpen && (
        <WorkflowSettingsDialog
          workflowId={workflowId}
          settings={draft.definition.settings as WorkflowSettings}
          onSave={(settings) => draftMeta(doc).set('settings', settings)}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {publishDialog && <PublishDialog onPublish={publish} onClose={() => setPublishDialog(false)} />}
    </div>
  );
}
