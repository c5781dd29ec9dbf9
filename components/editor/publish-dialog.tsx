'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';

/** Publishes the draft as the next version, with an optional message saying what changed. */
export function PublishDialog({
  onPublish,
  onClose,
}: {
  /** Publishes, reporting the outcome (the version, or why it was refused) on the page. */
  onPublish: (message: string) => Promise<void>;
  onClose: () => void;
}) {
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const publish = async () => {
    setPending(true);
    await onPublish(message);
    onClose();
  };
  return (
    <Dialog title="Publish" heading="Publish the draft as a new version" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void publish();
        }}
      >
        <Field label="What changed? (optional)" htmlFor="publish-message">
          <Input
            id="publish-message"
            autoFocus
            maxLength={500}
            value={message}
            placeholder="e.g. Retry the CRM call five times"
            onChange={(event) => setMessage(event.target.value)}
          />
        </Field>
        <div className="mt-4 flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Publishing…' : 'Publish version'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
