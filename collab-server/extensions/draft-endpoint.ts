import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Extension, onRequestPayload } from '@hocuspocus/server';
import { CollabTokenRefused, draftDocumentName, verifyCollabToken } from '../../lib/collab/collab-token';
import { readDraft, writeDraft, type WorkflowDraft } from '../../lib/collab/draft-doc';
import { MAX_MESSAGE_BYTES } from './message-limits';

const PATH = /^\/internal\/drafts\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/;

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_MESSAGE_BYTES) throw new Error('draft too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `GET` and `PUT /internal/drafts/:orgId/:workflowId`, for the web app's draft API: reads or
 * changes the live document through a direct connection, so open editors see a PUT at once and
 * nothing they typed is lost. Only the web app's service token for that document gets in.
 */
export class DraftEndpoint implements Extension {
  async onRequest({ request, response, instance }: onRequestPayload) {
    const match = PATH.exec(request.url ?? '');
    if (!match) return;
    const [, orgId, workflowId] = match;
    try {
      const claims = verifyCollabToken((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (claims.access !== 'service' || claims.org !== orgId || claims.wf !== workflowId) {
        throw new CollabTokenRefused('not a service token for this draft');
      }
    } catch (error) {
      reply(response, 401, { error: (error as Error).message });
      return Promise.reject();
    }
    const connection = await instance.openDirectConnection(draftDocumentName(orgId, workflowId), {
      orgId,
      workflowId,
      access: 'service',
    });
    try {
      if (request.method === 'PUT') {
        const draft = JSON.parse(await readBody(request)) as Partial<WorkflowDraft>;
        await connection.transact((document) => writeDraft(document, draft, 'rest-api'));
      }
      reply(response, 200, readDraft(connection.document!));
    } catch (error) {
      reply(response, 400, { error: (error as Error).message });
    } finally {
      await connection.disconnect();
    }
    return Promise.reject();
  }
}
