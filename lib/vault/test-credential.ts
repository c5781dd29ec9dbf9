import pg from 'pg';
import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { recordAudit } from '../audit/record';
import { authHeader } from '../connectors/http/build-request';
import { credentialSecrets, type CredentialValue } from '../connectors/credential-types';
import { SecretScrubber } from '../connectors/secret-scrubber';
import { smtpTransport } from '../connectors/email/send-mail';
import { postgresConnection } from '../connectors/postgres/connection';
import { testLlmCredential } from '../connectors/llm/test-connection';
import { testAwsCredential } from '../connectors/textract/test-connection';
import { resolveGuarded } from '../outbound/guarded-lookup';
import { findOutboundBlocked } from '../outbound/outbound-blocked';
import { outboundFetch } from '../outbound/outbound-fetch';
import { orgOutboundPolicy } from '../outbound/org-allowlist';
import { ApiError } from '../api/errors';
import { decryptCredential } from './credentials';
import { refreshOAuth2Credential } from './oauth2-refresh';

const TIMEOUT_MS = 10_000;

export const testCredentialBody = z.object({
  /** For HTTP auth types, which have no endpoint of their own: a URL the credential should open. */
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).optional(),
});

export interface CredentialTestResult {
  ok: boolean;
  message: string;
}

async function tryCredential(
  orgId: string,
  id: string,
  value: CredentialValue,
  url?: string,
): Promise<CredentialTestResult> {
  switch (value.type) {
    case 'oauth2': {
      // The same locked exchange runs use, so a test never races a run for the refresh token.
      const tokens = await refreshOAuth2Credential(orgId, id);
      const minutes = Math.round((tokens.expiresAt - Date.now()) / 60_000);
      return { ok: true, message: `The token endpoint issued an access token (valid for ${minutes} min)` };
    }
    case 'postgres': {
      const address = await resolveGuarded(await orgOutboundPolicy(orgId), value.host);
      const client = new pg.Client({ ...postgresConnection(value, address), connectionTimeoutMillis: TIMEOUT_MS });
      try {
        await client.connect();
        const { rows } = await client.query<{ version: string }>('SELECT version()');
        return { ok: true, message: `Connected: ${rows[0].version.split(' on ')[0]}` };
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    case 'slackBot': {
      const response = await outboundFetch(
        `${value.apiUrl}auth.test`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${value.token}` },
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
        await orgOutboundPolicy(orgId),
      );
      const answer = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        error?: string;
        user?: string;
        team?: string;
      };
      return answer.ok
        ? { ok: true, message: `Slack accepted the token: bot ${answer.user} in ${answer.team}` }
        : { ok: false, message: `Slack refused the token: ${answer.error ?? `HTTP ${response.status}`}` };
    }
    case 'smtp': {
      const address = await resolveGuarded(await orgOutboundPolicy(orgId), value.host);
      const transport = smtpTransport(value, address, TIMEOUT_MS);
      try {
        await transport.verify();
        return { ok: true, message: `${value.host}:${value.port} ${value.user ? 'accepted the login' : 'answered'}` };
      } finally {
        transport.close();
      }
    }
    case 'anthropic':
    case 'openai': {
      const policy = await orgOutboundPolicy(orgId);
      return testLlmCredential(value, (target, request) => outboundFetch(target, request ?? {}, policy), TIMEOUT_MS);
    }
    case 'aws': {
      const policy = await orgOutboundPolicy(orgId);
      return testAwsCredential(value, (target, request) => outboundFetch(target, request ?? {}, policy), TIMEOUT_MS);
    }
    default: {
      if (!url) throw new ApiError(400, 'invalid_request', 'url: give a URL this credential should be able to open');
      const header = authHeader(value);
      const response = await outboundFetch(
        url,
        {
          headers: header ? { [header[0]]: header[1] } : {},
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
        await orgOutboundPolicy(orgId),
      );
      await response.body?.cancel();
      return response.status < 400
        ? { ok: true, message: `GET ${url} answered ${response.status}` }
        : { ok: false, message: `GET ${url} refused the credential: ${response.status} ${response.statusText}` };
    }
  }
}

/**
 * Checks a stored credential against the service it is for. Failures are answers, not errors;
 * whatever the service says is masked of the credential's own values before it is shown.
 */
export async function testCredential(org: OrgContext, id: string, body: z.output<typeof testCredentialBody>) {
  const value = await decryptCredential(org.orgId, id);
  let result: CredentialTestResult;
  try {
    result = await tryCredential(org.orgId, id, value, body.url);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const blocked = findOutboundBlocked(error);
    result = { ok: false, message: blocked?.message ?? ((error as Error).message || String(error)) };
  }
  const scrubber = new SecretScrubber();
  for (const secret of credentialSecrets(value)) scrubber.add(secret);
  const masked = scrubber.text(result.message);
  await recordAudit(org, {
    action: 'credential.test',
    targetType: 'credential',
    targetId: id,
    data: { ok: result.ok },
  });
  return { ...result, message: masked };
}
