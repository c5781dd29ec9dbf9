'use client';

import { useMemo, useState } from 'react';
import type { PaletteNode } from '@/lib/connectors/palette';
import { Input } from '@/components/ui/input';
import { NodeIcon } from './node-icon';

export const PALETTE_DRAG_TYPE = 'application/x-floworchestrator-node';

const CATEGORY_ORDER = ['trigger', 'action', 'ai', 'logic', 'data', 'flow', 'human'];
const CATEGORY_LABELS: Record<string, string> = {
  trigger: 'Triggers',
  action: 'Actions',
  ai: 'AI',
  logic: 'Logic',
  data: 'Data',
  flow: 'Flow control',
  human: 'People',
};

/** Node types by category, filtered by a search, dragged onto the canvas (or added with a click). */
export function NodePalette({
  nodes,
  disabled,
  onAdd,
}: {
  nodes: readonly PaletteNode[];
  disabled: boolean;
  onAdd: (node: PaletteNode) => void;
}) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matching = nodes.filter((node) =>
      [node.label, node.type, node.description].some((text) => text.toLowerCase().includes(needle)),
    );
    return CATEGORY_ORDER.map((category) => ({
      category,
      items: matching.filter((node) => node.category === category),
    })).filter((group) => group.items.length > 0);
  }, [nodes, query]);

  return (
    <aside
      aria-label="Node palette"
      className="flex w-60 shrink-0 flex-col gap-3 overflow-y-auto border-r border-border bg-surface p-3"
    >
      <Input
        placeholder="Search nodes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-label="Search nodes"
      />
      {groups.map(({ category, items }) => (
        <section key={category}>
          <h3 className="mb-1 px-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">
            {CATEGORY_LABELS[category] ?? category}
          </h3>
          <ul className="flex flex-col gap-1">
            {items.map((node) => (
              <li key={node.type}>
                <button
                  type="button"
                  draggable={!disabled}
                  disabled={disabled}
                  data-node-type={node.type}
                  title={node.description}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(
                      PALETTE_DRAG_TYPE,
                      JSON.stringify({ type: node.type, version: node.version }),
                    );
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(node)}
                  className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-raised disabled:cursor-not-allowed disabled:opacity-60"
                >
                  <NodeIcon name={node.icon} className="size-4 shrink-0" />
                  <span className="truncate">{node.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p className="px-1 text-sm text-muted-foreground">No node matches “{query}”.</p>}
    </aside>
  );
}
