/** Deeper than this, recursive code (JSON encoders, Prisma's JSON handling) runs out of stack. */
export const MAX_OUTPUT_DEPTH = 64;

/**
 * What would stop a node's output from being recorded, or undefined if nothing would: nesting
 * deeper than MAX_OUTPUT_DEPTH, or a NUL character, which PostgreSQL cannot store in text. The
 * output may come from anywhere (a response body, user code), so the walk uses no recursion.
 */
export function unstorableOutput(output: unknown): string | undefined {
  const pending: { value: unknown; depth: number; path: string }[] = [{ value: output, depth: 0, path: 'output' }];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return `${path} contains a NUL character (\\u0000), which cannot be stored`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_OUTPUT_DEPTH) return `${path} nests objects and arrays more than ${MAX_OUTPUT_DEPTH} levels deep`;
    const entries = Array.isArray(value)
      ? value.map((item, index) => [`[${index}]`, item] as const)
      : Object.entries(value).map(([key, item]) => [`.${key}`, item] as const);
    for (const [step, item] of entries) {
      if (step.includes('\u0000')) return `${path} has a key with a NUL character (\\u0000), which cannot be stored`;
      pending.push({ value: item, depth: depth + 1, path: `${path}${step}` });
    }
  }
  return undefined;
}
