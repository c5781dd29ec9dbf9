import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from './prices';

describe('estimateCostUsd', () => {
  it('prices input and output tokens at the model’s list price per million', () => {
    expect(estimateCostUsd('claude-sonnet-4-5', { inputTokens: 1_000_000, outputTokens: 0 })).toBe(3);
    expect(estimateCostUsd('claude-sonnet-4-5', { inputTokens: 0, outputTokens: 1_000_000 })).toBe(15);
    expect(estimateCostUsd('gpt-4o-mini', { inputTokens: 1200, outputTokens: 350 })).toBe(0.00039);
  });

  it('knows a dated snapshot whose price is its alias’s', () => {
    expect(estimateCostUsd('claude-3-5-haiku-20241022', { inputTokens: 10, outputTokens: 20 })).toBe(0.000088);
    expect(estimateCostUsd('gpt-4o-2024-08-06', { inputTokens: 10, outputTokens: 20 })).toBe(0.000225);
  });

  it('rounds to a millionth of a dollar', () => {
    expect(estimateCostUsd('gpt-5-nano', { inputTokens: 1, outputTokens: 1 })).toBe(0);
    expect(estimateCostUsd('claude-opus-4-1', { inputTokens: 7, outputTokens: 3 })).toBe(0.00033);
  });

  it('gives no estimate for a model of unknown price, rather than a guess', () => {
    expect(estimateCostUsd('llama3.1:8b', { inputTokens: 100, outputTokens: 100 })).toBeUndefined();
    expect(estimateCostUsd('gpt-4o-2024-05-13', { inputTokens: 100, outputTokens: 100 })).toBeUndefined();
    expect(estimateCostUsd('claude-sonnet-4-5-preview', { inputTokens: 100, outputTokens: 100 })).toBeUndefined();
  });
});
