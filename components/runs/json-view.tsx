'use client';

import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { isPayloadRef, type PayloadRef } from '@/lib/runs/run-contract';
import { usePayloadLoader } from './payload-loader';

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
  if (isPayloadRef(value)) return <StoredValue label={label} reference={value} />;
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

type Loading =
  { state: 'idle' | 'loading' } | { state: 'loaded'; value: unknown } | { state: 'failed'; message: string };

/** A value the run stored apart for its size: loaded when asked, then shown like any other. */
function StoredValue({ label, reference }: { label: string; reference: PayloadRef }) {
  const load = usePayloadLoader();
  const [loading, setLoading] = useState<Loading>({ state: 'idle' });
  if (loading.state === 'loaded') return <JsonView label={label} value={loading.value} />;
  const size = `${Math.round(reference.sizeBytes / 1024).toLocaleString('en')} KB`;
  return (
    <section aria-label={label}>
      <h4 className="text-xs font-medium text-muted-foreground">{label}</h4>
      <p className="mt-1 text-xs text-muted-foreground">
        Stored separately ({size}).{' '}
        {load && (
          <button
            type="button"
            className="text-primary hover:underline disabled:opacity-60"
            disabled={loading.state === 'loading'}
            onClick={() => {
              setLoading({ state: 'loading' });
              load(reference).then(
                (value) => setLoading({ state: 'loaded', value }),
                (error: Error) => setLoading({ state: 'failed', message: error.message }),
              );
            }}
          >
            {loading.state === 'loading' ? 'Loading…' : `Load ${label.toLowerCase()}`}
          </button>
        )}
      </p>
      {loading.state === 'failed' && (
        <p role="alert" className="mt-1 text-xs text-destructive">
          {loading.message}
        </p>
      )}
    </section>
  );
}
