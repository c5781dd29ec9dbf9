import type { ActivityContext } from '../define-node';

/** The parts of a Smithy HTTP request (what AWS SDK v3 clients send) this handler reads. */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | (string | null)[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

// Set by the connection itself, from the URL and the body; the SDK signs the same values.
const CONNECTION_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

function urlOf(request: SdkHttpRequest): string {
  const url = new URL(`${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`);
  url.pathname = request.path;
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item ?? '');
  }
  return url.href;
}

/**
 * An AWS SDK v3 request handler that sends every request through the outbound guard
 * (`guardedFetch`), so an endpoint the org's policy refuses (a private address, a metadata
 * service) is refused for the SDK too. The SDK signs the request before it gets here; the
 * handler only carries it. JSON protocols (Textract) send text bodies, which is all it takes.
 */
export function guardedHttpHandler({
  guardedFetch,
  signal,
}: Pick<ActivityContext<unknown>, 'guardedFetch' | 'signal'>) {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(
      request: SdkHttpRequest,
      options: { abortSignal?: AbortSignal | { aborted: boolean } } = {},
    ): Promise<{ response: SdkHttpResponse }> {
      let body: string | undefined;
      if (typeof request.body === 'string') body = request.body;
      else if (request.body instanceof Uint8Array)
        body = new TextDecoder('utf-8', { fatal: true }).decode(request.body);
      else if (request.body != null) throw new Error('the AWS request handler sends text bodies only');
      const headers = Object.entries(request.headers).filter(([name]) => !CONNECTION_HEADERS.has(name.toLowerCase()));
      const given = options.abortSignal;
      const response = await guardedFetch(urlOf(request), {
        method: request.method,
        headers,
        body,
        signal: given instanceof AbortSignal ? AbortSignal.any([signal, given]) : signal,
        // A signed request is for one host: it never follows a redirect elsewhere.
        redirect: 'manual',
      });
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => (responseHeaders[name] = value));
      return {
        response: {
          statusCode: response.status,
          reason: response.statusText,
          headers: responseHeaders,
          body: new Uint8Array(await response.arrayBuffer()),
        },
      };
    },
    // Connections belong to the guard's pool.
    destroy() {},
  };
}
