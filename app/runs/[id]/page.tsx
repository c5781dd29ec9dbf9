import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RunView } from '@/components/runs/run-view';
import { ApiError } from '@/lib/api/errors';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { toDraftDefinition } from '@/lib/collab/draft-doc';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { initialRunSnapshot } from '@/lib/runs/initial-snapshot';
import { getRunForPage } from '@/lib/runs/run-details';
import { listCredentials } from '@/lib/vault/credentials';

export const metadata: Metadata = { title: 'Run' };

const orNotFound = async <T,>(read: Promise<T>): Promise<T | null> => {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ node?: string | string[] }>;
}) {
  const [{ id }, { node }] = await Promise.all([params, searchParams]);
  const openNodeId = typeof node === 'string' ? node : null;
  const org = await requireOrg();
  const [found, credentials] = await Promise.all([
    orNotFound(getRunForPage(org, id, openNodeId)),
    isAllowed(org.role, 'credential:read') ? listCredentials(org.orgId) : [],
  ]);
  if (!found) notFound();
  const { run } = found;
  // A deleted workflow's versions are gone from view; its runs are still shown, without a graph.
  const definition = found.definition ? toDraftDefinition(found.definition) : null;
  const types = new Set(definition?.nodes.map((n) => n.type));
  // Error hints name the credential a node uses: the names of those the version refers to.
  const used = new Set(
    definition?.nodes.flatMap((n) => [
      (n.config.auth as { credentialId?: unknown })?.credentialId,
      n.config.credentialId,
    ]),
  );
  const credentialNames = Object.fromEntries(credentials.filter((c) => used.has(c.id)).map((c) => [c.id, c.name]));
  const initial = initialRunSnapshot(run, found.stepsTotal);
  return (
    <RunView
      identity={{
        id: run.id,
        workflow: run.workflow,
        version: run.version,
        trigger: run.trigger,
        startedBy: run.startedBy,
        rerunOfId: run.rerunOfId,
        traceId: run.traceId,
        temporalUrl: run.temporalUrl,
      }}
      initial={initial}
      definition={definition}
      palette={listPaletteNodes().filter((type) => types.has(type.type))}
      may={{
        cancel: isAllowed(org.role, 'run:cancel'),
        rerun: isAllowed(org.role, 'run:start'),
        approve: isAllowed(org.role, 'run:approve'),
      }}
      initialNodeId={openNodeId}
      runInput={run.input}
      credentialNames={credentialNames}
    />
  );
}
