// What to suggest while typing a JSONata expression: the scope's roots (lib/definition/expressions.ts,
// `ExpressionScope`), then node ids, `output`, and the output's fields its type declares. Plain data in and
// out, so it is tested without an editor; editor-extensions.ts hands it to CodeMirror.

import { fieldsAt, type OutputFields } from './output-fields';

export interface ExpressionCompletion {
  label: string;
  /** What to insert when it differs from the label (a quoted node id). */
  apply?: string;
  type: 'namespace' | 'property' | 'variable';
  detail: string;
}

export interface ExpressionCompletionResult {
  /** Where the text the options replace starts. */
  from: number;
  options: ExpressionCompletion[];
}

export interface ExpressionCompletionRequest {
  /**
   * `template`: expressions stand inside `{{ }}` in a string value; `program`: the whole value is
   * one expression (data.transform's `expression`).
   */
  mode: 'template' | 'program';
  /** Asked for with Ctrl-Space, rather than by typing. */
  explicit: boolean;
  nodeIds: string[];
  /** What each node's output is known to hold, by node id (output-fields.ts). */
  outputFields?: Record<string, OutputFields>;
}

const ROOTS: ExpressionCompletion[] = [
  { label: 'input', type: 'namespace', detail: "the run's input" },
  { label: 'nodes', type: 'namespace', detail: 'outputs of earlier nodes' },
  { label: 'vars', type: 'namespace', detail: 'variables set by Set variables' },
  { label: 'run', type: 'namespace', detail: 'id, workflowId, version, startedAt' },
  { label: 'loop', type: 'namespace', detail: 'item and index, inside a for-each' },
];

const MEMBERS: Record<string, ExpressionCompletion[]> = {
  run: [
    { label: 'id', type: 'property', detail: 'run id' },
    { label: 'workflowId', type: 'property', detail: 'workflow id' },
    { label: 'version', type: 'property', detail: 'published version number' },
    { label: 'startedAt', type: 'property', detail: 'ISO timestamp' },
  ],
  loop: [
    { label: 'item', type: 'property', detail: 'the current item' },
    { label: 'index', type: 'property', detail: "the current item's position" },
  ],
};

const OUTPUT: ExpressionCompletion = { label: 'output', type: 'property', detail: "the node's output" };

// A dotted path at the end of the text: names, or `quoted names` (node ids may contain "-",
// which JSONata would read as a minus), the last one possibly still being typed.
const TRAILING_PATH = /(?:(?:[A-Za-z_$][\w$]*|`[^`]*`)\.)*(?:[A-Za-z_$][\w$]*|`[^`]*)?$/;
const SEGMENT = /[A-Za-z_$][\w$]*|`[^`]*`?/g;
const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

/** Where the expression around `pos` starts, or -1 when `pos` is not inside `{{ }}`. */
export function templateExpressionStart(text: string, pos: number): number {
  const open = text.lastIndexOf('{{', pos - 2);
  if (open === -1) return -1;
  const close = text.indexOf('}}', open + 2);
  return close !== -1 && close < pos ? -1 : open + 2;
}

const unquote = (segment: string) => segment.replace(/^`|`$/g, '');

/** A name to complete, quoted when JSONata would not read it as one name (a node id with "-"). */
function nameOption(
  name: string,
  typingQuoted: boolean,
  type: ExpressionCompletion['type'],
  detail: string,
): ExpressionCompletion {
  const apply = typingQuoted ? `${name}\`` : PLAIN_NAME.test(name) ? undefined : `\`${name}\``;
  return { label: name, ...(apply ? { apply } : {}), type, detail };
}

/** The options for the path being typed at `pos`, or null when there is nothing to suggest. */
export function expressionCompletions(
  text: string,
  pos: number,
  request: ExpressionCompletionRequest,
): ExpressionCompletionResult | null {
  const start = request.mode === 'template' ? templateExpressionStart(text, pos) : 0;
  if (start === -1) return null;
  const fragment = text.slice(start, pos);
  const match = TRAILING_PATH.exec(fragment);
  if (!match) return null;
  // `f(x).nodes.` is a member of something else, not the scope's `nodes`.
  if (match.index > 0 && /[\w$.`)\]]/.test(fragment[match.index - 1])) return null;

  const segments = match[0].match(SEGMENT) ?? [];
  const endsWithDot = match[0].endsWith('.') || match[0] === '';
  const partial = endsWithDot ? '' : (segments.pop() ?? '');
  const path = segments.map(unquote);
  const typingQuoted = partial.startsWith('`');
  const from = pos - partial.length + (typingQuoted ? 1 : 0);

  let options: ExpressionCompletion[] | undefined;
  if (path.length === 0) {
    if (partial === '' && !request.explicit) return null;
    options = ROOTS;
  } else if (path.length === 1 && path[0] === 'nodes') {
    options = request.nodeIds.map((id) => nameOption(id, typingQuoted, 'variable', 'node'));
  } else if (path.length === 2 && path[0] === 'nodes' && request.nodeIds.includes(path[1])) {
    options = [OUTPUT];
  } else if (path.length >= 3 && path[0] === 'nodes' && path[2] === 'output') {
    const fields = fieldsAt(request.outputFields?.[path[1]], path.slice(3));
    options = fields && Object.keys(fields).map((name) => nameOption(name, typingQuoted, 'property', 'output field'));
  } else if (path.length === 1) {
    options = MEMBERS[path[0]];
  }
  return options && options.length > 0 ? { from, options } : null;
}
