import { ExpressionBudgetExceeded, expressionBudget, type RunExpressionMeter } from './expression-budget';
import { assertLinearRegExp } from './linear-regexp';
import { compileJsonata, type CompiledJsonata } from './jsonata-engine';

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
  /** Read as the node error's type (toErrorInfo): ExpressionTooComplex when a bound was crossed. */
  readonly options: { type: 'ExpressionError' | 'ExpressionTooComplex'; nonRetryable: true };
  constructor(
    message: string,
    readonly nodeId: string,
    readonly path: string,
    readonly expression: string,
    type: 'ExpressionError' | 'ExpressionTooComplex' = 'ExpressionError',
  ) {
    super(`Node "${nodeId}", ${path || 'config'}: expression {{ ${abbreviate(expression)} }} ${message}`);
    this.options = { type, nonRetryable: true };
  }
}

const abbreviate = (expression: string) => (expression.length > 200 ? `${expression.slice(0, 200)}…` : expression);

const TEMPLATE = /\{\{([\s\S]+?)\}\}/g;
const WHOLE_TEMPLATE = /^\s*\{\{([\s\S]+?)\}\}\s*$/;

// Compiled programs, shared by every run a worker thread evaluates (temporal/workflows/shared) and
// by every request the web server validates: the least recently used go past this many.
const COMPILED_KEPT = 2_000;
const compiled = new Map<string, CompiledJsonata>();

function compile(expression: string): CompiledJsonata {
  let program = compiled.get(expression);
  if (program) {
    compiled.delete(expression);
  } else {
    program = compileJsonata(expression);
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  }
  compiled.set(expression, program);
  return program;
}

/** Every regular-expression literal in a parsed program (the AST is plain objects and arrays). */
function regexLiterals(ast: unknown): RegExp[] {
  const found: RegExp[] = [];
  const seen = new Set<object>();
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value instanceof RegExp) found.push(value);
    else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      pending.push(...Object.values(value));
    }
  }
  return found;
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

/**
 * Checks that an expression parses and that its regular expressions can run in linear time, for
 * validation at publish time; returns what is wrong, in the parser's words.
 */
export function expressionSyntaxError(expression: string): string | null {
  try {
    for (const pattern of regexLiterals(compile(expression).ast())) assertLinearRegExp(pattern);
    return null;
  } catch (error) {
    return (error as { message?: string }).message ?? String(error);
  }
}

function evaluate(
  expression: string,
  scope: ExpressionScope,
  nodeId: string,
  path: string,
  meter: RunExpressionMeter | undefined,
): unknown {
  let program: CompiledJsonata;
  try {
    program = compile(expression);
  } catch (error) {
    throw new ExpressionError(`does not parse: ${(error as Error).message}`, nodeId, path, expression);
  }
  const budget = expressionBudget(meter);
  let result: unknown;
  try {
    result = program.evaluate(scope, budget.bindings);
  } catch (error) {
    const exceeded =
      budget.exceeded() ??
      (error instanceof ExpressionBudgetExceeded ? error : undefined) ??
      // A stack overflow below the depth bound (deep native recursion) is the same kind of problem.
      (error instanceof RangeError && /call stack/i.test(error.message)
        ? new ExpressionBudgetExceeded('nested too deeply')
        : undefined);
    if (exceeded) throw new ExpressionError(exceeded.message, nodeId, path, expression, 'ExpressionTooComplex');
    throw new ExpressionError(`failed: ${(error as Error).message}`, nodeId, path, expression);
  }
  const exceeded = budget.exceeded();
  if (exceeded) throw new ExpressionError(exceeded.message, nodeId, path, expression, 'ExpressionTooComplex');
  return result;
}

/** Where templates are being resolved: whose config, and the run's meter for expression steps. */
interface TemplateSite {
  scope: ExpressionScope;
  nodeId: string;
  meter?: RunExpressionMeter;
}

function resolveString(value: string, site: TemplateSite, path: string): unknown {
  const { scope, nodeId, meter } = site;
  const whole = WHOLE_TEMPLATE.exec(value);
  // A value that is one expression keeps the expression's type (number, object, array, …).
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1].trim(), scope, nodeId, path, meter);
  let result = '';
  let last = 0;
  for (const match of value.matchAll(TEMPLATE)) {
    const evaluated = evaluate(match[1].trim(), scope, nodeId, path, meter);
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

function resolveAt(value: unknown, site: TemplateSite, path: string): unknown {
  if (typeof value === 'string') return containsExpression(value) ? resolveString(value, site, path) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const [index, item] of value.entries()) out.push(resolveAt(item, site, `${path}[${index}]`));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = resolveAt(item, site, path ? `${path}.${key}` : key);
    return out;
  }
  return value;
}

/**
 * Resolves every `{{ }}` in a node's config, depth first; other values pass through untouched.
 * Inside a run, `meter` holds the run's budget of expression steps.
 */
export function resolveTemplates(
  value: unknown,
  scope: ExpressionScope,
  nodeId: string,
  meter?: RunExpressionMeter,
): unknown {
  return resolveAt(value, { scope, nodeId, meter }, '');
}

/** Evaluates a bare JSONata expression (a transform node's program), not a template. */
export function evaluateExpression(
  expression: string,
  scope: ExpressionScope,
  nodeId: string,
  path: string,
  meter?: RunExpressionMeter,
) {
  return evaluate(expression, scope, nodeId, path, meter);
}
