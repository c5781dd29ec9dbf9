import { RE2JS } from 're2js';

/** A pattern JSONata accepted that has no linear-time equivalent (backreferences, lookaround). */
export class UnsupportedRegExp extends Error {
  override name = 'UnsupportedRegExp';
}

function compileLinear(pattern: RegExp): RE2JS {
  let flags = 0;
  if (pattern.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (pattern.multiline) flags |= RE2JS.MULTILINE;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern.source), flags);
  } catch (error) {
    throw new UnsupportedRegExp(
      `regular expression /${pattern.source}/ cannot run in linear time (${(error as Error).message}); ` +
        'backreferences and lookaround are not supported',
    );
  }
}

/** Throws UnsupportedRegExp when the pattern needs a backtracking engine; for checks at publish. */
export function assertLinearRegExp(pattern: RegExp): void {
  compileLinear(pattern);
}

/**
 * The regular-expression engine JSONata runs (its `RegexEngine` option): RE2 semantics, whose
 * matching time is linear in the input, so a pattern like /(a+)+$/ cannot stall the workflow
 * task that evaluates it. It mimics the part of RegExp that JSONata uses: `lastIndex` and `exec`.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly re2: RE2JS;

  constructor(pattern: RegExp) {
    this.re2 = compileLinear(pattern);
  }

  exec(text: string): RegExpExecArray | null {
    const matcher = this.re2.matcher(text);
    if (this.lastIndex > text.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
    const start = matcher.start();
    const end = matcher.end();
    this.lastIndex = end;
    return Object.assign(groups, { index: start, input: text }) as unknown as RegExpExecArray;
  }
}
