import type { OrgContext } from '../auth/current-org';
import type { ActorType } from '../db/generated/enums';
import { orgDb } from '../db/tenant';

/** Who started a run, as people read it; null for runs recorded before it was kept. */
export interface RunActor {
  type: ActorType;
  /** A person's name (or email), an API key's name, or "System"; "(deleted)" once they are gone. */
  label: string;
}

const apiKeyLabel = (key: { name: string; prefix: string } | undefined) =>
  key ? `API key ${key.name} (fo_${key.prefix}_…)` : 'API key (deleted)';

export async function describeRunActor(
  org: OrgContext,
  type: ActorType | null,
  id: string | null,
): Promise<RunActor | null> {
  if (!type) return null;
  if (type === 'SYSTEM' || !id) return { type, label: 'System' };
  if (type === 'USER') {
    const user = await orgDb(org.orgId).user.findFirst({ where: { id }, select: { name: true, email: true } });
    return { type, label: user ? user.name || user.email : '(deleted)' };
  }
  const key = await orgDb(org.orgId).apiKey.findFirst({
    where: { id, orgId: org.orgId },
    select: { name: true, prefix: true },
  });
  return { type, label: apiKeyLabel(key ?? undefined) };
}

/** describeRunActor for a page of runs, in two queries at most. */
export async function describeRunActors(
  org: OrgContext,
  runs: { startedByType: ActorType | null; startedById: string | null }[],
): Promise<(RunActor | null)[]> {
  const idsOf = (type: ActorType) => [
    ...new Set(runs.flatMap((run) => (run.startedByType === type && run.startedById ? [run.startedById] : []))),
  ];
  const [userIds, keyIds] = [idsOf('USER'), idsOf('API_KEY')];
  const [users, keys] = await Promise.all([
    userIds.length
      ? orgDb(org.orgId).user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, name: true, email: true },
        })
      : [],
    keyIds.length
      ? orgDb(org.orgId).apiKey.findMany({
          where: { id: { in: keyIds }, orgId: org.orgId },
          select: { id: true, name: true, prefix: true },
        })
      : [],
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const keyById = new Map(keys.map((key) => [key.id, key]));
  return runs.map(({ startedByType: type, startedById: id }): RunActor | null => {
    if (!type) return null;
    if (type === 'SYSTEM' || !id) return { type, label: 'System' };
    if (type === 'USER') {
      const user = userById.get(id);
      return { type, label: user ? user.name || user.email : '(deleted)' };
    }
    return { type, label: apiKeyLabel(keyById.get(id)) };
  });
}
