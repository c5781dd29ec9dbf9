import { compileJsonata } from './jsonata-engine';

// Expressions run inside the workflow task, where a loop that never ends would stall every run
// on the worker. These bounds are counted by the evaluator itself, never by a clock, so a replay
// reaches exactly the same verdict. Raising them is safe for running workflows; lowering them
// could fail a replayed evaluation that once passed.
export const EXPRESSION_LIMITS = {
  /** Evaluation steps, plus one per element of every array and per 100 characters of every string produced. */
  steps: 200_000,
  /** The same steps, summed over every expression of one run (or one child workflow of a loop). */
  runSteps: 1_000_000,
  /** Nested evaluation levels: deep recursion ends here instead of overflowing the stack. */
  depth: 400,
  /** Longest string $pad may build in one call. */
  padWidth: 1_000_000,
} as const;

/** An expression went past one of EXPRESSION_LIMITS; says which, in words a user can act on. */
export class ExpressionBudgetExceeded extends Error {
  override name = 'ExpressionBudgetExceeded';
}

interface JsonataFunction {
  _jsonata_function: true;
  implementation: (...args: unknown[]) => unknown;
  signature: unknown;
}

// The built-in, taken on first use (not when the module loads: the worker loads this module once
// for every run, outside any run, where JSONata cannot read the clock) so the guarded version
// keeps its argument checks and semantics.
let guardedPad: JsonataFunction | undefined;

function guardPad(): JsonataFunction {
  const builtinPad = compileJsonata('$pad').evaluate({}) as JsonataFunction;
  return {
    ...builtinPad,
    implementation: (text, width, char) => {
      if (typeof width === 'number' && Math.abs(width) > EXPRESSION_LIMITS.padWidth) {
        throw new ExpressionBudgetExceeded(`$pad width may be at most ${EXPRESSION_LIMITS.padWidth}`);
      }
      return builtinPad.implementation(text, width, char);
    },
  };
}

function refusedEval(): never {
  // $eval would evaluate text that may come from outside (a response body): data is never code.
  throw new Error('$eval is not available: expressions evaluate only what the workflow definition says');
}

function cost(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (typeof result === 'string') return Math.floor(result.length / 100);
  return 0;
}

/**
 * Steps spent by all expressions of one run so far. The per-expression bound alone would let a
 * loop of heavy expressions keep one workflow task busy for minutes.
 */
export class RunExpressionMeter {
  spent = 0;
}

export interface ExpressionBudget {
  bindings: Record<string, unknown>;
  /** The bound that was crossed, if any, even where JSONata caught and replaced the error. */
  exceeded(): ExpressionBudgetExceeded | undefined;
}

/**
 * Bindings for one evaluation: JSONata calls `__evaluate_entry` and `__evaluate_exit` around
 * every step, which is where steps and depth are counted, and the guarded built-ins replace
 * their originals.
 */
export function expressionBudget(meter?: RunExpressionMeter): ExpressionBudget {
  let steps = 0;
  let depth = 0;
  let exceeded: ExpressionBudgetExceeded | undefined;
  const fail = (message: string): never => {
    exceeded ??= new ExpressionBudgetExceeded(message);
    throw exceeded;
  };
  const spend = (amount: number) => {
    steps += amount;
    if (steps > EXPRESSION_LIMITS.steps) {
      fail(
        `took more than ${EXPRESSION_LIMITS.steps} evaluation steps (an endless loop, or too much data for an expression: use a code node)`,
      );
    }
    if (!meter) return;
    meter.spent += amount;
    if (meter.spent > EXPRESSION_LIMITS.runSteps) {
      fail(
        `went past the run's budget of ${EXPRESSION_LIMITS.runSteps} evaluation steps for all its expressions together (move heavy data work into a code node)`,
      );
    }
  };
  return {
    bindings: {
      __evaluate_entry: () => {
        depth += 1;
        if (depth > EXPRESSION_LIMITS.depth)
          fail(`nested deeper than ${EXPRESSION_LIMITS.depth} levels (runaway recursion?)`);
        spend(1);
      },
      __evaluate_exit: (_expr: unknown, _input: unknown, _environment: unknown, result: unknown) => {
        depth -= 1;
        spend(cost(result));
      },
      pad: (guardedPad ??= guardPad()),
      eval: refusedEval,
    },
    exceeded: () => exceeded,
  };
}
