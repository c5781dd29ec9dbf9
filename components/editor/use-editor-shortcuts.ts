'use client';

import { useEffect } from 'react';

export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(text: string): void;
  selectAll(): void;
  clearSelection(): void;
  help(): void;
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('.cm-editor'));

/** The editor's keyboard shortcuts, except while the user types in a field. */
export function useEditorShortcuts(handlers: ShortcutHandlers, editable: boolean) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingIn(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (key === '?') handlers.help();
      else if (key === 'escape') handlers.clearSelection();
      else if (mod && key === 'a') {
        event.preventDefault();
        handlers.selectAll();
      } else if (mod && key === 'c') handlers.copy();
      else if (editable && mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
        event.preventDefault();
        handlers.redo();
      } else if (editable && mod && key === 'z') {
        event.preventDefault();
        handlers.undo();
      }
    };
    // Paste comes as its own event, with the clipboard's text, without asking for permission.
    const onPaste = (event: ClipboardEvent) => {
      if (!editable || typingIn(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (text) handlers.paste(text);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [handlers, editable]);
}
