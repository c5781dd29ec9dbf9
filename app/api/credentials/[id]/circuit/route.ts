import { withOrg } from '@/lib/api/handler';
import { credentialCircuit, resetCredentialCircuit } from '@/lib/connectors/credential-guard/circuit-status';

// GET /api/credentials/:id/circuit — the credential's circuit breaker: state, failures, last error
export const GET = withOrg<{ id: string }>('credential:read', async ({ org, params }) =>
  Response.json(await credentialCircuit(org.orgId, params.id)),
);

// DELETE /api/credentials/:id/circuit — close the circuit now (audited as credential.circuit_reset)
export const DELETE = withOrg<{ id: string }>('credential:reset', async ({ org, params }) =>
  Response.json(await resetCredentialCircuit(org, params.id)),
);
