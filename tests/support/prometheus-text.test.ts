import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from './prometheus-text';

describe('parsePrometheusText', () => {
  it('reads types and samples, labels unescaped', () => {
    const exposition = parsePrometheusText(
      [
        '# HELP jobs_total Jobs done',
        '# TYPE jobs_total counter',
        'jobs_total{queue="a\\"b",kind="x"} 3',
        'jobs_total{queue="c",kind="x"} 1.5e2',
        '# TYPE up gauge',
        'up 1 1700000000000',
        '',
      ].join('\n'),
    );
    expect(exposition.types).toEqual(
      new Map([
        ['jobs_total', 'counter'],
        ['up', 'gauge'],
      ]),
    );
    expect(sampleValue(exposition, 'jobs_total', { queue: 'a"b' })).toBe(3);
    expect(sampleValue(exposition, 'jobs_total', { queue: 'c' })).toBe(150);
    expect(sampleValue(exposition, 'up')).toBe(1);
    expect(sampleValue(exposition, 'missing')).toBe(0);
  });

  it('refuses a malformed line, naming it', () => {
    expect(() => parsePrometheusText('jobs_total{queue=a} 3')).toThrow('line 1 is not a sample: jobs_total{queue=a} 3');
    expect(() => parsePrometheusText('jobs_total 3 4 5')).toThrow('line 1 is not a sample');
    expect(() => parsePrometheusText('jobs_total three')).toThrow('line 1 is not a sample');
  });

  it('refuses an ambiguous lookup', () => {
    const exposition = parsePrometheusText('a{x="1"} 1\na{x="2"} 2');
    expect(() => sampleValue(exposition, 'a')).toThrow('2 samples of a match {}');
  });
});
