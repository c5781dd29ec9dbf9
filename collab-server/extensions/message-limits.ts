import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Larger than any real edit of a workflow graph; a 1,000-node import is well under it. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

// Hocuspocus message types that carry a document update, and the sync steps that do.
const SYNC_MESSAGES = new Set([0, 4]);
const UPDATE_STEPS = new Set([1, 2]);

const refuse = (reason: string) => Object.assign(new Error(reason), { code: 4205, reason });

/**
 * Closes the connection that sends an oversized message or an update that is not a Yjs update,
 * before either reaches the document (Yjs would only log a malformed one and keep the sender).
 * Other connections to the document go on.
 */
export class MessageLimits implements Extension {
  async beforeHandleMessage({ update }: beforeHandleMessagePayload) {
    if (update.byteLength > MAX_MESSAGE_BYTES) throw refuse('Message Too Big');
    const decoder = decoding.createDecoder(update);
    try {
      decoding.readVarString(decoder);
      if (!SYNC_MESSAGES.has(decoding.readVarUint(decoder))) return;
      if (!UPDATE_STEPS.has(decoding.readVarUint(decoder))) return;
      Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    } catch {
      throw refuse('Malformed update');
    }
  }
}
