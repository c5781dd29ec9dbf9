import { draftNodes } from '../../lib/collab/draft-doc';
import { moveNodes } from '../../lib/collab/draft-edits';
import { openDraft, waitForDoc, type CollabConnectionInfo } from '../../tests/support/collab-client';

/** Edits made and waited for before timing starts: connections and code paths warm up. */
const WARM_UP_EDITS = 20;

/**
 * `clients` Yjs clients on one draft, as the browser editor connects (tests/support/collab-client.ts).
 * The first moves a node, as dragging it on the canvas does; each edit's time runs from the move
 * until the last of the others has the new position. Edits follow one another, never overlap.
 * All clients share this process, so the time includes their decoding one after another.
 */
export async function measurePropagation(
  connection: CollabConnectionInfo,
  options: { clients: number; edits: number; nodeIds: string[] },
): Promise<number[]> {
  const clients = await Promise.all(Array.from({ length: options.clients }, () => openDraft(connection)));
  try {
    const [writer, ...readers] = clients;
    const times: number[] = [];
    for (let edit = -WARM_UP_EDITS; edit < options.edits; edit++) {
      const id = options.nodeIds[(edit + WARM_UP_EDITS) % options.nodeIds.length];
      // One step on from where the node is, so no client can already have it there.
      const current = draftNodes(writer.doc).get(id)?.get('position') as { x: number; y: number };
      const position = { x: current.x + 20, y: current.y + 20 };
      const moved = (doc: (typeof clients)[number]['doc']) => {
        const seen = draftNodes(doc).get(id)?.get('position') as { x: number; y: number } | undefined;
        return seen?.x === position.x && seen.y === position.y;
      };
      const started = performance.now();
      const allSeen = Promise.all(readers.map((reader) => waitForDoc(reader.doc, moved)));
      moveNodes(writer.doc, [{ id, position }]);
      await allSeen;
      if (edit >= 0) times.push(performance.now() - started);
    }
    return times;
  } finally {
    for (const client of clients) client.close();
  }
}
