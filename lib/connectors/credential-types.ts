import type { z } from 'zod';
import { anthropicCredential } from './credentials/anthropic';
import { awsCredential } from './credentials/aws';
import { bearerCredential } from './credentials/bearer';
import { basicCredential } from './credentials/basic';
import { headerCredential } from './credentials/header';
import { oauth2Credential } from './credentials/oauth2';
import { openaiCredential } from './credentials/openai';
import { postgresCredential } from './credentials/postgres';
import { slackBotCredential } from './credentials/slack-bot';
import { smtpCredential } from './credentials/smtp';

/** Every kind of stored credential, one file each under credentials/. */
export const credentialTypeDefinitions = {
  bearer: bearerCredential,
  basic: basicCredential,
  header: headerCredential,
  oauth2: oauth2Credential,
  postgres: postgresCredential,
  slackBot: slackBotCredential,
  smtp: smtpCredential,
  anthropic: anthropicCredential,
  openai: openaiCredential,
  aws: awsCredential,
} as const;

export type CredentialType = keyof typeof credentialTypeDefinitions;
export const credentialTypes = Object.keys(credentialTypeDefinitions) as CredentialType[];

export const credentialValueSchemas = Object.fromEntries(
  credentialTypes.map((type) => [type, credentialTypeDefinitions[type].schema]),
) as { [T in CredentialType]: (typeof credentialTypeDefinitions)[T]['schema'] };

export type CredentialValue = {
  [T in CredentialType]: { type: T } & z.output<(typeof credentialTypeDefinitions)[T]['schema']>;
}[CredentialType];

/** The secret fields' values of a credential (not its host or user name), to mask wherever they could show. */
export function credentialSecrets(value: CredentialValue): string[] {
  const fields = value as unknown as Record<string, unknown>;
  return credentialTypeDefinitions[value.type].secretFields
    .map((name) => fields[name])
    .filter((field): field is string => typeof field === 'string' && field.length > 0);
}
