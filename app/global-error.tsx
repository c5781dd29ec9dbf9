'use client';

// Shown when even the layout fails, typically because the database is unreachable.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui', background: '#14161b', color: '#e6e8eb', padding: '4rem' }}>
        <h1 style={{ fontSize: '1.25rem' }}>FlowOrchestrator cannot serve this page</h1>
        <p style={{ color: '#a0a6b0' }}>
          A service it depends on may be down.{' '}
          <a href="/api/health" style={{ color: '#5fd4e6' }}>
            /api/health
          </a>{' '}
          names it.
        </p>
        {error.digest && <p style={{ color: '#a0a6b0', fontFamily: 'monospace' }}>Error id: {error.digest}</p>}
        <button onClick={reset} style={{ marginTop: '1rem' }}>
          Try again
        </button>
      </body>
    </html>
  );
}
