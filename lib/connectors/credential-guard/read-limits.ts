import { orgDb } from '../../db/tenant';
import { isUuid } from '../../db/ids';
import { limitsOf, type CredentialLimits } from './limits';

/** A credential's name and limits, without decrypting it; undefined when the org has no such credential. */
export async function readCredentialLimits(
  orgId: string,
  credentialId: string,
): Promise<{ id: string; name: string; limits: CredentialLimits } | undefined> {
  if (!isUuid(credentialId)) return undefined;
  const row = await orgDb(orgId).credential.findFirst({
    where: { id: credentialId, orgId },
    select: { id: true, name: true, metadata: true },
  });
  return row ? { id: row.id, name: row.name, limits: limitsOf(row.metadata) } : undefined;
}
