'use client';

import { useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { Button } from './button';

/** Copies `text` to the clipboard, and says for a moment whether it could. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed'>();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      className="h-7 px-2 text-xs"
      aria-label={label}
      onClick={async () => {
        // The clipboard is only there on secure pages (https or this machine).
        const copied = await navigator.clipboard?.writeText(text).then(
          () => true,
          () => false,
        );
        setOutcome(copied ? 'copied' : 'failed');
        setTimeout(() => setOutcome(undefined), 1500);
      }}
    >
      {outcome === 'copied' ? <Check /> : <Copy />}
      {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : 'Copy'}
    </Button>
  );
}
