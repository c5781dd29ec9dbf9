import jsonata from 'jsonata';

// Expressions are `{{ … }}` inside string config values, evaluated with JSONata. JSONata 1.x is
// used on purpose: it evaluates synchronously, while 2.x makes a promise per evaluation step, and
// inside Temporal's workflow sandbox every promise costs a captured stack trace. Only the
// definition's own config is ever evaluated: values that come from outside (webhook bodies,
// HTTP responses, node outputs) are data, and an expression's result is never re-scanned.

export interface ExpressionScope {
  input: unknown;
  nodes: Record<string, { output: unknown }>;
  vars: Record<string, unknown>;
  run: { id: string; workflowId: string; version: number; startedAt: string };
  /** Inside a for-each body: the current item and its index. */
  loop?: { item: unknown; index: number };
}

export class ExpressionError extends Error {
  override name = 'ExpressionError';
  constructor(
    message: string,
    readonly nodeId: string,
    readonly path: string,
    readonly expression: string,
  ) {
    super(`Node "${nodeId}", ${path || 'config'}: expression {{ ${expression} }} ${message}`);
  }
}

const TEMPLATE = /\{\{([\s\S]+?)\}\}/g;
const WHOLE_TEMPLATE = /^\s*\{\{([\s\S]+?)\}\}\s*$/;

type Compiled = ReturnType<typeof jsonata>;
const compiled = new Map<string, Compiled>();

function compile(expression: string): Compiled {
  let cached = compiled.get(expression);
  if (!cached) {
    cached = jsonata(expression);
    compiled.set(expression, cached);
  }
  return cached;
}

export function containsExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/** Every expression inside a value, with the config path where it stands. */
export function findExpressions(value: unknown, path = ''): { path: string; expression: string }[] {
  if (typeof value === 'string') {
    return [...value.matchAll(TEMPLATE)].map((match) => ({ path, expression: match[1].trim() }));
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findExpressions(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findExpressions(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Checks that an expression parses, for validation at publish time; returns the parser's message. */
export function expressionSyntaxError(expression: string): string | null {
  try {
    compile(expression);
    return null;
  } catch (error) {
    return (error as { message?: string }).message ?? String(error);
  }
}

function evaluate(expression: string, scope: ExpressionScope, nodeId: string, path: string): unknown {
  let program: Compiled;
  try {
    program = compile(expression);
  } catch (error) {
    throw new ExpressionError(`does not parse: ${(error as Error).message}`, nodeId, path, expression);
  }
  try {
    return program.evaluate(scope);
  } catch (error) {
    throw new ExpressionError(`failed: ${(error as Error).message}`, nodeId, path, expression);
  }
}

function resolveString(value: string, scope: ExpressionScope, nodeId: string, path: string): unknown {
  const whole = WHOLE_TEMPLATE.exec(value);
  // A value that is one expression keeps the expression's type (number, object, array, …).
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1].trim(), scope, nodeId, path);
  let result = '';
  let last = 0;
  for (const match of value.matchAll(TEMPLATE)) {
    const evaluated = evaluate(match[1].trim(), scope, nodeId, path);
    result += value.slice(last, match.index) + stringify(evaluated);
    last = match.index + match[0].length;
  }
  return result + value.slice(last);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Resolves every `{{ }}` in a node's config, depth first; other values pass through untouched. */
export function resolveTemplates(value: unknown, scope: ExpressionScope, nodeId: string, path = ''): unknown {
  if (typeof value === 'string') return containsExpression(value) ? resolveString(value, scope, nodeId, path) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const [index, item] of value.entries()) out.push(resolveTemplates(item, scope, nodeId, `${path}[${index}]`));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = resolveTemplates(item, scope, nodeId, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return value;
}

/** Evaluates a bare JSONata expression (a transform node's program), not a template. */
export function evaluateExpression(expression: string, scope: ExpressionScope, nodeId: string, path: string) {
  return evaluate(expression, scope, nodeId, path);
}
