'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export const SHORTCUTS: [keys: string, what: string][] = [
  ['Drag from the palette', 'add a node (or click it)'],
  ['Drag from a handle to a node', 'connect'],
  ['Shift/Ctrl + click, or drag with Shift', 'select several'],
  ['Delete / Backspace', 'delete the selection'],
  ['Ctrl + A', 'select all nodes'],
  ['Ctrl + C / Ctrl + V', 'copy and paste nodes (also between workflows)'],
  ['Ctrl + Z / Ctrl + Shift + Z', 'undo / redo your own edits'],
  ['Escape', 'clear the selection'],
  ['?', 'this list'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="w-[30rem]">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt className="font-mono text-xs text-muted-foreground">{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
