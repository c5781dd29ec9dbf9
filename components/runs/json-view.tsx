'use client';

import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { isPayloadRef } from '@/lib/runs/run-contract';

// Longer values start folded to this many lines.
const FOLDED_LINES = 14;

/**
 * A recorded value as indented JSON: long ones folded until asked, every one copyable. `empty`
 * says what a null or missing value means where it means nothing was recorded.
 */
export function JsonView({ label, value, empty }: { label: string; value: unknown; empty?: string }) {
  const [open, setOpen] = useState(false);
  if (value == null && empty) {
    return (
      <section aria-label={label}>
        <h4 className="text-xs font-medium text-muted-foreground">{label}</h4>
        <p className="mt-1 text-xs text-muted-foreground">{empty}</p>
      </section>
    );
  }
  if (isPayloadRef(value)) {
    return (
      <section aria-label={label}>
        <h4 className="text-xs font-medium text-muted-foreground">{label}</h4>
        <p className="mt-1 text-xs text-muted-foreground">
          Stored separately ({Math.round(value.sizeBytes / 1024)} KB): too large to show here.
        </p>
      </section>
    );
  }
  const text = value === undefined ? 'undefined' : JSON.stringify(value, null, 2);
  const lines = text.split('\n');
  const folded = !open && lines.length > FOLDED_LINES;
  return (
    <section aria-label={label}>
      <div className="flex items-center justify-between">
        <h4 className="text-xs font-medium text-muted-foreground">{label}</h4>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <pre className="mt-1 max-h-96 overflow-auto rounded-md border border-border bg-muted/40 p-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all">
        {folded ? lines.slice(0, FOLDED_LINES).join('\n') : text}
      </pre>
      {lines.length > FOLDED_LINES && (
        <button type="button" className="mt-1 text-xs text-primary hover:underline" onClick={() => setOpen(!open)}>
          {open ? 'Fold' : `Show all ${lines.length} lines`}
        </button>
      )}
    </section>
  );
}
