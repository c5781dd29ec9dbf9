import type { Extension, onRequestPayload } from '@hocuspocus/server';

/** Answers GET /health so the web app's health check can see the collab server is serving. */
export class HealthEndpoint implements Extension {
  async onRequest({ request, response, instance }: onRequestPayload) {
    if (request.url !== '/health') return;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        status: 'up',
        documents: instance.getDocumentsCount(),
        connections: instance.getConnectionsCount(),
      }),
    );
    // Hocuspocus's convention: rejecting without an error stops later hooks and its default reply.
    return Promise.reject();
  }
}
