import { expectStatus } from '../shared/lifecycle';
import { layeredGraph, type NodeTypeInfo } from './graph';
import type { BenchPlatform } from './platform';

/** A workflow whose draft is a layered graph of `size` nodes, made through the REST API. */
export async function importGraph(platform: BenchPlatform, size: number, types: Map<string, NodeTypeInfo>) {
  const definition = layeredGraph(size, types);
  const created = await platform.ownerFetch('/api/workflows', {
    method: 'POST',
    body: JSON.stringify({ name: `Editor bench, ${size} nodes` }),
  });
  const { id } = (await expectStatus(created, 201, 'POST /api/workflows')) as { id: string };
  const put = await platform.ownerFetch(`/api/workflows/${id}/draft`, {
    method: 'PUT',
    body: JSON.stringify({ definition }),
  });
  await expectStatus(put, 200, `PUT /api/workflows/${id}/draft`);
  return { id, definition };
}
