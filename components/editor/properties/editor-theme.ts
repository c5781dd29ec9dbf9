import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

// Colours come from the app's CSS variables (app/globals.css), so the editors follow the light
// and dark themes without a second set of styles.

const theme = EditorView.theme({
  '&': { backgroundColor: 'transparent', color: 'var(--foreground)', fontSize: '0.8125rem' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-geist-mono), ui-monospace, monospace', lineHeight: '1.5' },
  '.cm-content': { padding: '0.4375rem 0', caretColor: 'var(--foreground)' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-gutters': { backgroundColor: 'var(--surface-raised)', color: 'var(--muted-foreground)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--muted)' },
  '.cm-placeholder': { color: 'var(--muted-foreground)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent)', outline: 'none' },
  '.cm-expression': { backgroundColor: 'var(--accent)', color: 'var(--accent-foreground)', borderRadius: '3px' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface-raised)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    color: 'var(--foreground)',
    overflow: 'hidden',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-geist-mono), ui-monospace, monospace' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-foreground)',
  },
  '.cm-completionDetail': { color: 'var(--muted-foreground)', fontStyle: 'normal', marginLeft: '0.75em' },
});

const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword], color: 'var(--primary)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--success)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--warning)' },
  { tag: [tags.propertyName, tags.definition(tags.variableName)], color: 'var(--accent-foreground)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--primary)' },
  { tag: [tags.comment], color: 'var(--muted-foreground)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

export const editorTheme = [theme, syntaxHighlighting(highlightStyle)];
