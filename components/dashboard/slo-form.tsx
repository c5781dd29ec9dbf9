'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import type { Slo } from '@/lib/dashboard/slo';

/** Lets an admin change the org's SLO; the server validates it and names the field at fault. */
export function SloForm({ slo }: { slo: Slo }) {
  const router = useRouter();
  const [objective, setObjective] = useState(String(slo.objectivePercent));
  const [windowDays, setWindowDays] = useState(String(slo.windowDays));
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const response = await fetch('/api/dashboard/slo', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objectivePercent: Number(objective), windowDays: Number(windowDays) }),
    });
    setSaving(false);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? `Saving failed (${response.status})`);
      return;
    }
    router.refresh();
  }

  return (
    <form onSubmit={save} className="flex items-end gap-2" aria-label="Service-level objective">
      <Field label="Objective (%)" htmlFor="slo-objective" error={error} errorId="slo-error">
        <Input
          id="slo-objective"
          inputMode="decimal"
          className="w-24"
          value={objective}
          onChange={(event) => setObjective(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'slo-error' : undefined}
        />
      </Field>
      <Field label="Window (days)" htmlFor="slo-window">
        <Input
          id="slo-window"
          inputMode="numeric"
          className="w-20"
          value={windowDays}
          onChange={(event) => setWindowDays(event.target.value)}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={saving}>
        Save SLO
      </Button>
    </form>
  );
}
