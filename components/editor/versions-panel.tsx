'use client';

import { useEffect, useState } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { formatRelativeTime } from '@/components/format';
import { DiffSummary } from './diff-summary';
import type { CanvasView, ShownGraph, VersionSide } from './use-version-view';

interface VersionRow {
  version: number;
  message: string;
  publishedBy: string | null;
  publishedAt: string;
}

export interface VersionsPanelProps {
  workflowId: string;
  /** Changes whenever a version is published, so the list reloads. */
  refreshKey: number;
  shown: ShownGraph;
  canRestore: boolean;
  onShow: (view: CanvasView) => void;
  onRestore: (version: number) => void;
  onSelectNode: (id: string) => void;
  onClose: () => void;
}

const sideValue = (side: VersionSide) => String(side);
const parseSide = (value: string): VersionSide => (value === 'draft' ? 'draft' : Number(value));

/** Published versions: who and when and why; view one, compare any two or one with the draft, restore one. */
export function VersionsPanel(props: VersionsPanelProps) {
  const { workflowId, refreshKey, shown, canRestore, onShow, onRestore, onSelectNode, onClose } = props;
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [error, setError] = useState<string>();
  const [from, setFrom] = useState<VersionSide>('draft');
  const [to, setTo] = useState<VersionSide>('draft');

  useEffect(() => {
    let current = true;
    void fetch(`/api/workflows/${workflowId}/versions`).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!current) return;
      if (response.ok) {
        setVersions(body.items);
        if (body.items.length) setFrom((side) => (side === 'draft' ? body.items[0].version : side));
      } else setError(body?.error?.message ?? `The server answered ${response.status}`);
    });
    return () => {
      current = false;
    };
  }, [workflowId, refreshKey]);

  const viewing = shown.view;
  const compare = (fromSide: VersionSide, toSide: VersionSide) => {
    setFrom(fromSide);
    setTo(toSide);
    onShow({ kind: 'diff', from: fromSide, to: toSide });
  };

  const sides = [
    { value: 'draft', label: 'Draft' },
    ...(versions ?? []).map((row) => ({ value: String(row.version), label: `v${row.version}` })),
  ];

  return (
    <aside
      aria-label="Versions"
      className="flex w-80 shrink-0 flex-col gap-3 overflow-y-auto border-r border-border bg-surface p-3"
    >
      <header className="flex items-center justify-between">
        <h2 className="font-medium">Versions</h2>
        <Button variant="ghost" size="icon" onClick={onClose} aria-label="Close versions">
          <X />
        </Button>
      </header>
      {error && <p className="text-sm text-danger">{error}</p>}
      {versions?.length === 0 && (
        <p className="text-sm text-muted-foreground">
          Nothing is published yet: Publish turns the draft into version 1.
        </p>
      )}
      {versions && versions.length > 0 && (
        <section aria-label="Compare" className="flex flex-col gap-2 rounded-md border border-border p-2">
          <div className="flex flex-wrap items-center gap-1.5 text-sm">
            <Select
              className="min-w-0 flex-1"
              aria-label="Compare from"
              value={sideValue(from)}
              onChange={(e) => setFrom(parseSide(e.target.value))}
            >
              {sides.map((side) => (
                <option key={side.value} value={side.value}>
                  {side.label}
                </option>
              ))}
            </Select>
            <span className="text-muted-foreground">→</span>
            <Select aria-label="Compare to" value={sideValue(to)} onChange={(e) => setTo(parseSide(e.target.value))}>
              {sides.map((side) => (
                <option key={side.value} value={side.value}>
                  {side.label}
                </option>
              ))}
            </Select>
            <Button size="sm" variant="secondary" onClick={() => compare(from, to)}>
              Compare
            </Button>
          </div>
          {viewing.kind === 'diff' && shown.diff && <DiffSummary diff={shown.diff} onSelectNode={onSelectNode} />}
        </section>
      )}
      <ul className="flex flex-col gap-2">
        {(versions ?? []).map((row) => {
          const open = viewing.kind === 'version' && viewing.version === row.version;
          return (
            <li
              key={row.version}
              data-testid="version-row"
              className={`rounded-md border p-2 ${open ? 'border-primary' : 'border-border'}`}
            >
              <div className="flex items-baseline justify-between gap-2">
                <span className="text-sm font-medium">Version {row.version}</span>
                <span className="text-xs text-muted-foreground" title={new Date(row.publishedAt).toLocaleString()}>
                  {formatRelativeTime(new Date(row.publishedAt))}
                </span>
              </div>
              <p className={`text-sm ${row.message ? '' : 'text-muted-foreground italic'}`}>
                {row.message || 'No message'}
              </p>
              <p className="text-xs text-muted-foreground">by {row.publishedBy ?? 'a deleted user'}</p>
              <div className="mt-1.5 flex gap-1">
                <Button size="sm" variant="ghost" onClick={() => onShow({ kind: 'version', version: row.version })}>
                  View
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => compare(row.version, 'draft')}
                  title={`What the draft changed since version ${row.version}`}
                >
                  Diff with draft
                </Button>
                {canRestore && (
                  <Button size="sm" variant="ghost" onClick={() => onRestore(row.version)}>
                    Restore
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
