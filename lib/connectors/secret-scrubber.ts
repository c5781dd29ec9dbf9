const MASK = '[redacted]';
// Shorter values cannot be told apart from ordinary text; masking them would garble the output.
const MIN_SECRET_LENGTH = 4;

/**
 * Collects the secret values one node attempt handles, and masks them wherever they would be
 * recorded: output, error, logs. A value is also masked in the forms a server is likely to
 * echo it in: URL-encoded, and (with the value before it) as a basic-auth token.
 */
export class SecretScrubber {
  private readonly secrets = new Set<string>();
  private ordered: string[] = [];

  add(value: string): void {
    for (const form of [value, encodeURIComponent(value)]) {
      if (form.length >= MIN_SECRET_LENGTH) this.secrets.add(form);
    }
    // Longest first, so a token is not half-masked by a shorter secret it contains.
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  get isEmpty(): boolean {
    return this.ordered.length === 0;
  }

  text(value: string): string {
    let masked = value;
    for (const secret of this.ordered) if (masked.includes(secret)) masked = masked.replaceAll(secret, MASK);
    return masked;
  }

  /** A copy of a JSON-like value with every string, and every object key, masked. */
  value<T>(value: T): T {
    if (this.isEmpty) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.text(key), this.walk(item)]));
    }
    return value;
  }
}
