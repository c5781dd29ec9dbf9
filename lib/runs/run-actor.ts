import type { OrgContext } from '../auth/current-org';
import type { ActorType } from '../db/generated/enums';
import { orgDb } from '../db/tenant';

/** Who started a run, as people read it; null for runs recorded before it was kept. */
export interface RunActor {
  type: ActorType;
  /** A person's name (or email), an API key's name, or "System"; "(deleted)" once they are gone. */
  label: string;
}

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
  return { type, label: key ? `API key ${key.name} (fo_${key.prefix}_…)` : 'API key (deleted)' };
}
