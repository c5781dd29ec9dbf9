import { GetDocumentAnalysisCommand } from '@aws-sdk/client-textract';
import type { ActivityContext } from '../define-node';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';
import { textractClient, type AwsKey } from './analyze';

// A job id no one has: Textract checks the signature before it looks the job up.
const NO_SUCH_JOB = '0'.repeat(64);

/**
 * Checks an AWS key against Textract by asking for a job that does not exist: InvalidJobId means
 * the key was accepted (and may call Textract); anything else is the reason it was not.
 */
export async function testAwsCredential(
  key: AwsKey,
  guardedFetch: ActivityContext<unknown>['guardedFetch'],
  timeoutMs: number,
): Promise<{ ok: boolean; message: string }> {
  const client = textractClient(key, { guardedFetch, signal: AbortSignal.timeout(timeoutMs) });
  try {
    await client.send(new GetDocumentAnalysisCommand({ JobId: NO_SUCH_JOB }));
    return { ok: true, message: `Textract in ${key.region} accepted the key` };
  } catch (error) {
    // The guard's refusal is told as the guard words it (lib/vault/test-credential.ts).
    if (findOutboundBlocked(error)) throw error;
    const { name, message } = error as { name?: string; message?: string };
    if (name === 'InvalidJobIdException') return { ok: true, message: `Textract in ${key.region} accepted the key` };
    return { ok: false, message: `Textract refused the key: ${name ?? 'Error'}: ${message ?? 'no message'}` };
  } finally {
    client.destroy();
  }
}
