'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readDraft, type WorkflowDraft } from '@/lib/collab/draft-doc';

/** The draft as plain JSON, re-read once per animation frame while the document changes. */
export function useDraft(doc: Y.Doc): WorkflowDraft {
  const [draft, setDraft] = useState(() => readDraft(doc));
  useEffect(() => {
    let frame = 0;
    const onUpdate = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setDraft(readDraft(doc));
      });
    };
    doc.on('update', onUpdate);
    onUpdate();
    return () => {
      doc.off('update', onUpdate);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  return draft;
}
