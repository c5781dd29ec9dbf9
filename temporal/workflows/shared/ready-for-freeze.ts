interface Parseable {
  safeParse(value: unknown): unknown;
}

const isSchema = (value: object): value is Parseable =>
  '_zod' in value && typeof (value as Partial<Parseable>).safeParse === 'function';

/**
 * Readies the zod schemas reachable from `root` for Temporal to freeze (preloaded modules are
 * frozen, temporal/workflows/shared/shared-modules.ts). zod finishes a schema on first use: it
 * stores a method on the schema when first read, fills in derived internals when first read,
 * and swaps in a leaner parser on the first parse; each of those would throw on a frozen schema,
 * so every inherited accessor is read, and every schema parsed once, here. And zod resets a
 * pattern's `lastIndex` before each test, which a frozen RegExp refuses: each RegExp held is
 * handed out as a fresh copy instead (zod's patterns keep no state between tests).
 */
export function readyForFreeze(root: unknown): void {
  const seen = new Set<object>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    // Only objects: Temporal freezes a function without what it holds, and reading a class's
    // prototype members with the prototype as receiver would store them there.
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    readInheritedAccessors(value);
    if (isSchema(value)) {
      try {
        value.safeParse(undefined);
      } catch {
        // A refinement that cannot take `undefined` throws; the parser was swapped all the same.
      }
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) continue;
      if (descriptor.value instanceof RegExp && descriptor.configurable) {
        const pattern = descriptor.value;
        Object.defineProperty(value, key, { get: () => new RegExp(pattern), enumerable: descriptor.enumerable });
      } else {
        pending.push(descriptor.value);
      }
    }
  }
}

function readInheritedAccessors(value: object) {
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const key of Reflect.ownKeys(proto)) {
      if (key === 'constructor' || Object.hasOwn(value, key) || !Object.getOwnPropertyDescriptor(proto, key)?.get) {
        continue;
      }
      try {
        void (value as Record<PropertyKey, unknown>)[key];
      } catch {
        // A member whose computation throws stores nothing: reading it later throws the same way.
      }
    }
  }
}
