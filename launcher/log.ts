// Prefixed, colourised output so interleaved logs of several processes stay readable.
const palette = [36, 35, 33, 32, 34, 91, 96, 95] as const;
const assigned = new Map<string, number>();
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

function colourFor(name: string): number {
  let code = assigned.get(name);
  if (code === undefined) {
    code = palette[assigned.size % palette.length];
    assigned.set(name, code);
  }
  return code;
}

export function prefix(name: string): string {
  const label = name.padEnd(9);
  return useColour ? `\x1b[${colourFor(name)}m${label}\x1b[0m│ ` : `${label}│ `;
}

export function writePrefixed(name: string, text: string, stream: NodeJS.WriteStream = process.stdout) {
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() !== '') stream.write(prefix(name) + line + '\n');
  }
}

/** Splits a stream of chunks into whole lines, so a prefix never lands mid-line. */
export function lineSplitter(onLine: (line: string) => void) {
  let pending = '';
  return {
    push(chunk: Buffer | string) {
      pending += chunk.toString();
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
    flush() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}

export const launcherLog = (message: string) => writePrefixed('launcher', message);
