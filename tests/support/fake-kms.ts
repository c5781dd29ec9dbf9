import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface KmsCall {
  operation: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for AWS KMS speaking its JSON 1.1 protocol (Encrypt and Decrypt), so the real
 * SDK client can be exercised. Like KMS it refuses to decrypt under a different encryption
 * context than the one used to encrypt.
 */
export class FakeKms {
  readonly calls: KmsCall[] = [];
  private readonly key = randomBytes(32);
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const operation = String(req.headers['x-amz-target']).replace('TrentService.', '');
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        this.calls.push({ operation, body });
        const reply = (status: number, json: unknown) =>
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(json));
        if (operation === 'Encrypt') return reply(200, { KeyId: body.KeyId, CiphertextBlob: this.encrypt(body) });
        if (operation === 'Decrypt') {
          const plaintext = this.decrypt(body);
          return plaintext
            ? reply(200, { KeyId: 'fake-key', Plaintext: plaintext })
            : reply(400, { __type: 'InvalidCiphertextException', message: 'Decryption failed' });
        }
        reply(400, { __type: 'UnsupportedOperationException', message: operation });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    return new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private encrypt(body: Record<string, unknown>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(JSON.stringify(body.EncryptionContext ?? {})));
    const ciphertext = Buffer.concat([cipher.update(Buffer.from(String(body.Plaintext), 'base64')), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  private decrypt(body: Record<string, unknown>): string | undefined {
    const blob = Buffer.from(String(body.CiphertextBlob), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, 12));
      decipher.setAAD(Buffer.from(JSON.stringify(body.EncryptionContext ?? {})));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('base64');
    } catch {
      return undefined;
    }
  }
}
