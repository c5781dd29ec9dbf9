import { autocompletion, closeBrackets, type CompletionContext } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { bracketMatching } from '@codemirror/language';
import {
  Decoration,
  EditorView,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { expressionCompletions, type ExpressionCompletionRequest } from './expression-completions';
import type { OutputFields } from './output-fields';

// What each kind of field's editor adds to the shared setup in code-editor.tsx.

/** What expressions can refer to: the other nodes, and what their outputs are known to hold. */
export interface ExpressionScopeInfo {
  nodeIds: string[];
  outputFields: Record<string, OutputFields>;
}

function expressionCompletionSource(scope: ExpressionScopeInfo, mode: ExpressionCompletionRequest['mode']) {
  return (context: CompletionContext) => {
    // Only the text before the cursor decides whether it stands inside an open `{{`.
    const result = expressionCompletions(context.state.sliceDoc(0, context.pos), context.pos, {
      mode,
      explicit: context.explicit,
      ...scope,
    });
    return result && { from: result.from, options: result.options, validFor: /^[\w$-]*$/ };
  };
}

const templateDecorator = new MatchDecorator({
  regexp: /\{\{[\s\S]*?\}\}/g,
  decoration: Decoration.mark({ class: 'cm-expression' }),
});

/** Marks every `{{ … }}` in the text so an expression stands out from the text around it. */
const templateHighlight = ViewPlugin.fromClass(
  class {
    decorations;
    constructor(view: EditorView) {
      this.decorations = templateDecorator.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = templateDecorator.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Room for a document: at least `min` tall, scrolling beyond `max`. */
const height = (min: string, max: string) =>
  EditorView.theme({
    '.cm-content, .cm-gutter': { minHeight: min },
    '.cm-scroller': { maxHeight: max, overflow: 'auto' },
  });

/** A text value in which `{{ }}` templates are highlighted and completed. */
export const templateEditor = (scope: ExpressionScopeInfo) => [
  templateHighlight,
  autocompletion({ override: [expressionCompletionSource(scope, 'template')] }),
];

/** A value that is one JSONata program as a whole (data.transform's `expression`). */
export const programEditor = (scope: ExpressionScopeInfo) => [
  bracketMatching(),
  closeBrackets(),
  autocompletion({ override: [expressionCompletionSource(scope, 'program')] }),
];

/** A JSON document, whose strings may hold templates too. */
export const jsonEditor = (scope: ExpressionScopeInfo) => [
  json(),
  height('4.5rem', '20rem'),
  bracketMatching(),
  closeBrackets(),
  templateHighlight,
  autocompletion({ override: [expressionCompletionSource(scope, 'template')] }),
];

/** JavaScript source: Tab indents (Escape then Tab leaves the editor, as CodeMirror documents). */
export const javascriptEditor = () => [
  javascript(),
  height('12rem', '32rem'),
  lineNumbers(),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  keymap.of([indentWithTab]),
];
