import { isIP } from 'node:net';
import type pg from 'pg';
import type { CredentialValue } from '../credential-types';

export type PostgresCredential = Extract<CredentialValue, { type: 'postgres' }>;

/**
 * How to connect with a Postgres credential to the address the outbound guard resolved for its
 * host: connecting to that address means the name cannot resolve elsewhere meanwhile, and TLS
 * still checks the certificate against the host name in the credential.
 */
export function postgresConnection(credential: PostgresCredential, address: string): pg.ClientConfig {
  return {
    host: address,
    port: credential.port,
    database: credential.database,
    user: credential.user,
    password: credential.password,
    ssl:
      credential.ssl === 'disable'
        ? false
        : {
            rejectUnauthorized: credential.ssl === 'verify-full',
            // A name, for SNI and the certificate check; an IP address is checked as itself.
            ...(isIP(credential.host) ? {} : { servername: credential.host }),
          },
  };
}
