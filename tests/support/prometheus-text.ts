/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4): every line must be a
 * `# HELP`, a `# TYPE`, another comment, a blank, or a sample `name{label="value",…} value`;
 * anything else throws with the line at fault, so a test reading metrics also checks their syntax.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*,?)?\\})? (\\S+)(?: (-?\\d+))?$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const VALUE = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]Inf|NaN)$/;

const unescape = (value: string) => value.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));

function labelsOf(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const match of (text ?? '').matchAll(new RegExp(LABEL, 'g'))) labels[match[1]] = unescape(match[2]);
  return labels;
}

export function parsePrometheusText(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const type = TYPE.exec(line);
    if (type) {
      if (types.has(type[1])) throw new Error(`line ${index + 1}: a second TYPE for ${type[1]}`);
      types.set(type[1], type[2]);
      return;
    }
    if (HELP.test(line) || (line.startsWith('#') && !line.startsWith('# HELP') && !line.startsWith('# TYPE'))) return;
    const sample = SAMPLE.exec(line);
    const value = sample?.at(-2);
    if (!sample || !value || !VALUE.test(value)) throw new Error(`line ${index + 1} is not a sample: ${line}`);
    samples.push({ name: sample[1], labels: labelsOf(sample[2]), value: Number(value.replace('Inf', 'Infinity')) });
  });
  return { types, samples };
}

/** The value of the one sample named `name` whose labels include `labels`; 0 when there is none. */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const found = exposition.samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}
