'use client';

import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The button under a list of rows that adds one. */
export function AddRowButton({ what, onClick, disabled }: { what: string; onClick(): void; disabled?: boolean }) {
  return (
    <Button type="button" variant="secondary" size="sm" className="self-start" onClick={onClick} disabled={disabled}>
      <Plus aria-hidden />
      Add {what}
    </Button>
  );
}

/** The button beside a row that removes it. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <Button type="button" variant="ghost" size="icon" className="shrink-0" aria-label={label} onClick={onClick}>
      <X aria-hidden />
    </Button>
  );
}
