/** POSTs to a run route of the API; answers the parsed body, or throws with the API's message. */
export async function postRunAction<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(json?.error?.message ?? `The request failed (${response.status})`);
  return json as T;
}
