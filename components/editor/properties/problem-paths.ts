// Problems come keyed by path in two spellings: zod issues join with dots (`config.cases.0.name`),
// expression problems index with brackets (`config.cases[0].when`). Fields look them up in one.

/** `config.cases[0].when` → `config.cases.0.when`. */
export const normalisePath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

export type ProblemIndex = ReadonlyMap<string, string>;

export function indexProblems(problems: Record<string, string>): ProblemIndex {
  const index = new Map<string, string>();
  for (const [path, message] of Object.entries(problems)) {
    const key = normalisePath(path);
    index.set(key, index.has(key) ? `${index.get(key)}; ${message}` : message);
  }
  return index;
}

/**
 * The problem at `path`; with `withinIt`, also those below it, for editors that do not render
 * their parts as fields of their own (a JSON document).
 */
export function problemAt(index: ProblemIndex, path: string, withinIt = false): string | undefined {
  const messages: string[] = [];
  for (const [key, message] of index) {
    if (key === path || (withinIt && key.startsWith(`${path}.`))) messages.push(message);
  }
  return messages.length > 0 ? messages.join('; ') : undefined;
}

export const childPath = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
