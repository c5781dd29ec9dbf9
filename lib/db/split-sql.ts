// A migration script is run one statement at a time (the engine's adapter takes one statement per
// query). Prisma's pg adapter splits scripts on every semicolon, which cuts a plpgsql body apart;
// this splits only on semicolons that end a statement.

const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** Where the quoted text, identifier or comment starting at `start` ends (just past it). */
function skipQuoted(sql: string, start: number): number {
  const rest = sql.slice(start);
  if (rest.startsWith('--')) {
    const end = sql.indexOf('\n', start);
    return end === -1 ? sql.length : end + 1;
  }
  if (rest.startsWith('/*')) {
    const end = sql.indexOf('*/', start + 2);
    return end === -1 ? sql.length : end + 2;
  }
  const quote = sql[start];
  if (quote === "'" || quote === '"') {
    let at = start + 1;
    // A doubled quote is an escaped one, inside the text.
    while (at < sql.length) {
      if (sql[at] === quote && sql[at + 1] === quote) at += 2;
      else if (sql[at] === quote) return at + 1;
      else at++;
    }
    return sql.length;
  }
  const tag = DOLLAR_TAG.exec(rest)?.[0];
  if (tag) {
    const end = sql.indexOf(tag, start + tag.length);
    return end === -1 ? sql.length : end + tag.length;
  }
  return start;
}

/** The script's statements, trimmed, without empty ones. */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let from = 0;
  let at = 0;
  while (at < script.length) {
    const skipped = skipQuoted(script, at);
    if (skipped !== at) {
      at = skipped;
    } else if (script[at] === ';') {
      statements.push(script.slice(from, at));
      from = ++at;
    } else {
      at++;
    }
  }
  statements.push(script.slice(from));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
