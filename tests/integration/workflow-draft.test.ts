import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { draftNodes, readDraft, writeDraft } from '@/lib/collab/draft-doc';
import { signCollabToken } from '@/lib/collab/collab-token';
import { apiFetch, ownerOrg } from '../support/api';
import { collabConnection, openDraft, waitForDoc } from '../support/collab-client';
import { createOtherOrg } from '../support/other-org';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

async function createWorkflow(name: string): Promise<string> {
  const response = await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name }) });
  return (await response.json()).id;
}

const definition = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
    { id: 'out', type: 'flow.output', config: { value: '{{ input.x }}' }, position: { x: 240, y: 0 } },
  ],
  edges: [{ source: 'start', target: 'out' }],
};

describe('the workflow draft', () => {
  it('starts empty, takes a PUT, and publishes without a body', async () => {
    const id = await createWorkflow('Drafted');
    expect(await (await apiFetch(`/api/workflows/${id}/draft`)).json()).toEqual({
      name: 'Drafted',
      description: '',
      definition: { nodes: [], edges: [], settings: {} },
    });
    const put = await apiFetch(`/api/workflows/${id}/draft`, { method: 'PUT', body: JSON.stringify({ definition }) });
    expect(put.status).toBe(200);
    const draft = await put.json();
    expect(draft.definition.edges).toEqual([
      { id: 'start:out->out', source: 'start', sourceHandle: 'out', target: 'out' },
    ]);
    expect(draft.definition.nodes.map((node: { id: string; position: unknown }) => [node.id, node.position])).toEqual([
      ['out', { x: 240, y: 0 }],
      ['start', { x: 0, y: 0 }],
    ]);
    // Stored at once: a PUT is durable when it answers.
    const row = await db().workflow.findUniqueOrThrow({ where: { id }, select: { draftState: true } });
    expect(row.draftState?.byteLength).toBeGreaterThan(0);

    const published = await apiFetch(`/api/workflows/${id}/versions`, { method: 'POST' });
    expect(published.status).toBe(201);
    expect((await published.json()).version).toBe(1);
    const version = await (await apiFetch(`/api/workflows/${id}/versions/1`)).json();
    expect(version.definition.nodes.find((node: { id: string }) => node.id === 'out').config).toEqual({
      value: '{{ input.x }}',
    });
  });

  it('lays out a draft PUT whose nodes have no positions, left to right', async () => {
    const id = await createWorkflow('Drafted by a script');
    const unplaced = { ...definition, nodes: definition.nodes.map(({ position: _, ...node }) => node) };

    const put = await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({ definition: unplaced }),
    });

    expect(put.status).toBe(200);
    const draft = await put.json();
    expect(draft.definition.nodes.map((node: { id: string; position: unknown }) => [node.id, node.position])).toEqual([
      ['out', { x: 292, y: 12 }],
      ['start', { x: 12, y: 12 }],
    ]);
  });

  it('refuses to publish an invalid draft, naming the node', async () => {
    const id = await createWorkflow('Broken draft');
    await apiFetch(`/api/workflows/${id}/draft`, {
      method: 'PUT',
      body: JSON.stringify({ definition: { nodes: [{ id: 'lonely', type: 'flow.output', config: {} }] } }),
    });
    const response = await apiFetch(`/api/workflows/${id}/versions`, { method: 'POST' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_definition');
    expect(body.error.details.map((problem: { code: string }) => problem.code)).toContain('no_trigger');
  });

  it('shows a PUT to an open editor at once, and an editor’s edit to the API', async () => {
    const id = await createWorkflow('Live');
    const editor = await openDraft(await collabConnection(id));
    opened.push(editor);
    await apiFetch(`/api/workflows/${id}/draft`, { method: 'PUT', body: JSON.stringify({ definition }) });
    await waitForDoc(editor.doc, (doc) => draftNodes(doc).has('out'));
    expect(readDraft(editor.doc).definition.nodes.map((node) => node.id)).toEqual(['out', 'start']);

    const edited = readDraft(editor.doc).definition;
    edited.nodes[0].position = { x: 500, y: 90 };
    const observer = await openDraft(await collabConnection(id));
    opened.push(observer);
    writeDraft(editor.doc, { definition: edited });
    // Once another client has it, the server has applied it.
    await waitForDoc(observer.doc, (doc) => readDraft(doc).definition.nodes[0].position.x === 500);
    const position = (await (await apiFetch(`/api/workflows/${id}/draft`)).json()).definition.nodes[0].position;
    expect(position).toEqual({ x: 500, y: 90 });
  });

  it('lets a viewer watch but never change the draft', async () => {
    const id = await createWorkflow('Watched');
    await apiFetch(`/api/workflows/${id}/draft`, { method: 'PUT', body: JSON.stringify({ definition }) });
    const org = ownerOrg();
    const viewerToken = signCollabToken({ sub: 'viewer', org: org.orgId, wf: id, access: 'view' });
    const viewer = await openDraft({
      url: (await collabConnection(id)).url,
      document: `${org.orgId}/${id}`,
      token: viewerToken,
    });
    opened.push(viewer);
    const editor = await openDraft(await collabConnection(id));
    opened.push(editor);

    writeDraft(viewer.doc, { name: 'Hijacked' });
    writeDraft(editor.doc, { description: 'edited by the editor' });
    await waitForDoc(viewer.doc, (doc) => readDraft(doc).description === 'edited by the editor');
    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft).toMatchObject({ name: 'Watched', description: 'edited by the editor' });
  });

  it('refuses tokens for another org, forged and expired ones', async () => {
    const id = await createWorkflow('Guarded');
    const { url, document } = await collabConnection(id);
    const other = await createOtherOrg('Collab intruders');
    const otherWorkflow = await (
      await other.keyFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'theirs' }) })
    ).json();
    const theirs = await collabConnection(otherWorkflow.id, (path) => other.keyFetch(path));
    expect(theirs.readOnly).toBe(false);
    // Their valid token, presented for our document.
    await expect(openDraft({ url, document, token: theirs.token })).rejects.toThrow('authentication failed');
    const mine = signCollabToken({ sub: 'x', org: ownerOrg().orgId, wf: id, access: 'edit' });
    await expect(openDraft({ url, document, token: `${mine.slice(0, -2)}xx` })).rejects.toThrow(
      'authentication failed',
    );
    const expired = signCollabToken(
      { sub: 'x', org: ownerOrg().orgId, wf: id, access: 'edit' },
      Date.now() - 3_600_000,
    );
    await expect(openDraft({ url, document, token: expired })).rejects.toThrow('authentication failed');
    // And the other org's API cannot read our draft.
    expect((await other.keyFetch(`/api/workflows/${id}/draft`)).status).toBe(404);
  });

  it('closes only the connection that sends malformed or oversized messages', async () => {
    const id = await createWorkflow('Fuzzed');
    const connection = await collabConnection(id);
    const editor = await openDraft(connection);
    opened.push(editor);
    const closeOf = async (payload: Buffer) => {
      const socket = new WebSocket(connection.url);
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(payload);
      return closed;
    };
    // Bytes that are no message at all (refused as unauthenticated), and a frame past the size limit.
    expect(await closeOf(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]))).toBe(4401);
    expect(await closeOf(Buffer.alloc(3 * 1024 * 1024, 7))).toBe(1009);

    // An authenticated client sends a sync update that is not a Yjs update.
    const fuzzer = await openDraft(connection);
    opened.push(fuzzer);
    const name = Buffer.from(connection.document);
    const garbage = Buffer.from([0x05, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);
    const socket = (fuzzer.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    // The server closes this client's connection to the document (its socket may carry others).
    const closed = new Promise<string>((resolve) =>
      fuzzer.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
    );
    socket.send(Buffer.concat([Buffer.from([name.length]), name, Buffer.from([0, 2, garbage.length]), garbage]));
    expect(await closed).toBe('Malformed update');

    const observer = await openDraft(connection);
    opened.push(observer);
    writeDraft(editor.doc, { description: 'still fine' });
    await waitForDoc(observer.doc, (doc) => readDraft(doc).description === 'still fine');
    const draft = await (await apiFetch(`/api/workflows/${id}/draft`)).json();
    expect(draft).toMatchObject({ name: 'Fuzzed', description: 'still fine' });
  });
});
