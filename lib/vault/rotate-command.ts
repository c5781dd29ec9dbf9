// `npm run vault:rotate`: with VAULT_MASTER_KEYS listing the old and the new key (the new one
// current), re-wraps every credential, alert signing secret and webhook HMAC secret under the new
// key. Afterwards the old key can be removed.
import { rotateAlertSecretKeys } from '../alerts/rotate-secrets';
import { rotateWebhookSecretKeys } from '../webhooks/rotate-secrets';
import { rotateCredentialKeys } from './rotate';

const rotated = await rotateCredentialKeys();
process.stdout.write(`Re-wrapped ${rotated} credential(s) under the current master key.\n`);
const alertSecrets = await rotateAlertSecretKeys();
process.stdout.write(`Re-wrapped ${alertSecrets} alert signing secret(s) under the current master key.\n`);
const webhookSecrets = await rotateWebhookSecretKeys();
process.stdout.write(`Re-wrapped ${webhookSecrets} webhook signing secret(s) under the current master key.\n`);
process.exit(0);
