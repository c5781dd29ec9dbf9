import jsonata from 'jsonata';
import { LinearRegExp } from './linear-regexp';

// JSONata 1.8 keeps the regex engine of its latest compile on its own function object and reads
// it whenever a compiled program evaluates a regex. Pinned to LinearRegExp here, so no compile
// (with options or without) can put the backtracking engine back under a cached program, and so
// compiling stores nothing on the function, which the workflow sandbox shares between runs frozen.
// Configurable, so this module can be evaluated again (tests that reset modules) over the same
// JSONata.
Object.defineProperty(jsonata, 'RegexEngine', { get: () => LinearRegExp, set: () => {}, configurable: true });

type Compiled = ReturnType<typeof jsonata>;

/** Compiles a JSONata program whose regexes run on LinearRegExp. */
export function compileJsonata(expression: string): Compiled {
  return jsonata(expression);
}

export type { Compiled as CompiledJsonata };
