'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Asks the platform where to sign in for this credential, and goes there. */
export function OAuth2ConnectButton({ credentialId }: { credentialId: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const connect = async () => {
    setPending(true);
    setError(undefined);
    const response = await fetch(`/api/credentials/${credentialId}/oauth2/authorize`, { method: 'POST' });
    const body = await response.json().catch(() => ({}));
    if (response.ok && typeof body.authorizationUrl === 'string') {
      window.location.assign(body.authorizationUrl);
      return;
    }
    setPending(false);
    setError(body?.error?.message ?? `The server answered ${response.status}`);
  };
  return (
    <div className="flex items-center gap-3">
      <Button type="button" onClick={() => void connect()} disabled={pending}>
        {pending ? 'Connecting…' : 'Connect'}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
