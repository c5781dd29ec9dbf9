'use client';

import { completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Annotation, Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { minimalChange } from './doc-change';
import { editorTheme } from './editor-theme';

/** Marks a change that brings the editor up to date with its `value`, so it is not echoed back. */
const fromValue = Annotation.define<boolean>();

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** The language and helpers (editor-extensions.ts); memoise it: a new one reconfigures the editor. */
  extensions: Extension;
  readOnly: boolean;
  invalid: boolean;
  required?: boolean;
  /** The control's name for screen readers: its label's id, or a label of its own (a row). */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  placeholder?: string;
  className?: string;
}

/** A CodeMirror editor controlled by `value`: outside changes keep the cursor where it was. */
export function CodeEditor({
  value,
  onChange,
  extensions,
  readOnly,
  invalid,
  required,
  labelledBy,
  label,
  describedBy,
  placeholder,
  className,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [compartments] = useState(() => ({ language: new Compartment(), access: new Compartment() }));
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // The editor starts empty; the effects below give it its value, language and access.
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        extensions: [
          history(),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          editorTheme,
          compartments.language.of([]),
          compartments.access.of([]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromValue))) {
              onChangeRef.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    setView(editor);
    return () => editor.destroy();
  }, [compartments]);

  useEffect(() => {
    const change = view && minimalChange(view.state.doc.toString(), value);
    if (!view || !change) return;
    // Not undoable: undo takes back the user's own typing, not a collaborator's edit.
    view.dispatch({ changes: change, annotations: [fromValue.of(true), Transaction.addToHistory.of(false)] });
  }, [view, value]);

  useEffect(() => {
    view?.dispatch({ effects: compartments.language.reconfigure(extensions) });
  }, [view, compartments, extensions]);

  useEffect(() => {
    view?.dispatch({
      effects: compartments.access.reconfigure([
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of({
          ...(labelledBy ? { 'aria-labelledby': labelledBy } : {}),
          ...(label ? { 'aria-label': label } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(invalid ? { 'aria-invalid': 'true' } : {}),
          ...(required ? { 'aria-required': 'true' } : {}),
        }),
        placeholder ? placeholderText(placeholder) : [],
      ]),
    });
  }, [view, compartments, readOnly, invalid, required, labelledBy, label, describedBy, placeholder]);

  return (
    <div
      ref={host}
      className={cn(
        'min-w-0 rounded-md border border-border bg-background focus-within:ring-2 focus-within:ring-ring',
        invalid && 'border-danger',
        readOnly && 'opacity-70',
        className,
      )}
    />
  );
}
