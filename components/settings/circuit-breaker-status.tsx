import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { CredentialCircuit } from '@/lib/connectors/credential-guard/circuit-status';

const TONE = { closed: 'success', open: 'danger', 'half-open': 'warning' } as const;

// The server's clock in UTC, the same for every viewer: "open until 14:03:12 UTC".
const clockTime = (iso: string) => `${iso.slice(11, 19)} UTC`;

export interface CircuitBreakerStatusProps {
  id: string;
  circuit: CredentialCircuit;
  /** Present for those who may reset the circuit (admins). */
  resetAction?: (form: FormData) => Promise<void>;
}

/** A credential's circuit breaker as it stands: closed, open until a time, or half-open. */
export function CircuitBreakerStatus({ id, circuit, resetAction }: CircuitBreakerStatusProps) {
  const label =
    circuit.state === 'open' && circuit.openUntil
      ? `Open until ${clockTime(circuit.openUntil)}`
      : circuit.state === 'half-open'
        ? 'Half-open: the next attempt probes the provider'
        : 'Closed';
  return (
    <div className="flex flex-col gap-3" data-testid="circuit-breaker">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={TONE[circuit.state]}>{label}</Badge>
        <span className="text-sm text-muted-foreground">
          {circuit.consecutiveFailures} consecutive failure{circuit.consecutiveFailures === 1 ? '' : 's'} of{' '}
          {circuit.failureThreshold} · cooldown {circuit.cooldownSeconds} s
        </span>
      </div>
      {circuit.lastError && (
        <p className="break-all font-mono text-xs text-muted-foreground">Last error: {circuit.lastError}</p>
      )}
      {resetAction && circuit.state !== 'closed' && (
        <form action={resetAction}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="secondary" size="sm">
            Reset
          </Button>
        </form>
      )}
    </div>
  );
}
