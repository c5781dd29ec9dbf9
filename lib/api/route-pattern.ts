/**
 * A request path with its dynamic segments named again (`/api/runs/:id`), so a metric label
 * stays one per route, never one per id.
 */
export function routePattern(pathname: string, params: unknown): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string') names.set(value, name);
  }
  return pathname
    .split('/')
    .map((segment) => {
      const name = names.get(decodeURIComponent(segment));
      return name ? `:${name}` : segment;
    })
    .join('/');
}
