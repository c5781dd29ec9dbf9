import { notFound } from '../api/errors';
import { isUuid } from '../db/ids';
import { orgDb } from '../db/tenant';
import { INLINE_OUTPUT_LIMIT_BYTES, isPayloadRef, type PayloadRef } from './run-contract';

/** Keeps large outputs out of Temporal's payloads (2 MB limit): stored in Postgres, passed by reference. */
export async function storeIfLarge(
  value: unknown,
  where: { orgId: string; runId: string; nodeId: string },
): Promise<unknown> {
  const json = JSON.stringify(value ?? null);
  const sizeBytes = Buffer.byteLength(json);
  if (sizeBytes <= INLINE_OUTPUT_LIMIT_BYTES) return value;
  const payload = await orgDb(where.orgId).runPayload.create({
    data: { ...where, sizeBytes, data: Buffer.from(json) },
    select: { id: true },
  });
  return { $payloadRef: payload.id, sizeBytes } satisfies PayloadRef;
}

export async function loadPayload(orgId: string, ref: PayloadRef): Promise<unknown> {
  const payload = await orgDb(orgId).runPayload.findFirstOrThrow({ where: { id: ref.$payloadRef, orgId } });
  return JSON.parse(Buffer.from(payload.data).toString('utf8'));
}

/** Replaces every payload reference inside a value with the stored value. */
export async function resolvePayloadRefs(value: unknown, orgId: string): Promise<unknown> {
  if (isPayloadRef(value)) return loadPayload(orgId, value);
  if (Array.isArray(value)) return Promise.all(value.map((item) => resolvePayloadRefs(item, orgId)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await resolvePayloadRefs(item, orgId)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

/** One stored payload of a run as its JSON text, for the run page to load when asked. */
export async function readRunPayload(orgId: string, runId: string, payloadId: string): Promise<Uint8Array> {
  if (!isUuid(payloadId)) throw notFound('Payload');
  const payload = await orgDb(orgId).runPayload.findFirst({
    where: { id: payloadId, runId, orgId },
    select: { data: true },
  });
  if (!payload) throw notFound('Payload');
  return payload.data;
}
