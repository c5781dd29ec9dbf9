// What a model's tokens cost, in US dollars per million, as its provider lists them. Only exact
// model ids (aliases and dated snapshots whose price is the alias's): a model this table does not
// name (an Ollama or vLLM model, a new release) gets no cost estimate rather than a guess.

interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

const price = (inputPerMillion: number, outputPerMillion: number): ModelPrice => ({
  inputPerMillion,
  outputPerMillion,
});

const MODEL_PRICES: Record<string, ModelPrice> = {
  // Anthropic
  'claude-opus-4-5': price(5, 25),
  'claude-opus-4-5-20251101': price(5, 25),
  'claude-opus-4-1': price(15, 75),
  'claude-opus-4-1-20250805': price(15, 75),
  'claude-opus-4-0': price(15, 75),
  'claude-opus-4-20250514': price(15, 75),
  'claude-sonnet-4-5': price(3, 15),
  'claude-sonnet-4-5-20250929': price(3, 15),
  'claude-sonnet-4-0': price(3, 15),
  'claude-sonnet-4-20250514': price(3, 15),
  'claude-3-7-sonnet-latest': price(3, 15),
  'claude-3-7-sonnet-20250219': price(3, 15),
  'claude-haiku-4-5': price(1, 5),
  'claude-haiku-4-5-20251001': price(1, 5),
  'claude-3-5-haiku-latest': price(0.8, 4),
  'claude-3-5-haiku-20241022': price(0.8, 4),
  'claude-3-haiku-20240307': price(0.25, 1.25),
  // OpenAI
  'gpt-5': price(1.25, 10),
  'gpt-5-mini': price(0.25, 2),
  'gpt-5-nano': price(0.05, 0.4),
  'gpt-4.1': price(2, 8),
  'gpt-4.1-2025-04-14': price(2, 8),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1-mini-2025-04-14': price(0.4, 1.6),
  'gpt-4.1-nano': price(0.1, 0.4),
  'gpt-4.1-nano-2025-04-14': price(0.1, 0.4),
  'gpt-4o': price(2.5, 10),
  'gpt-4o-2024-08-06': price(2.5, 10),
  'gpt-4o-2024-11-20': price(2.5, 10),
  'gpt-4o-mini': price(0.15, 0.6),
  'gpt-4o-mini-2024-07-18': price(0.15, 0.6),
  'o4-mini': price(1.1, 4.4),
  'o3-mini': price(1.1, 4.4),
};

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * The estimated cost in USD of `usage` on `model`, rounded to a millionth of a dollar, or
 * undefined when the model's price is not known.
 */
export function estimateCostUsd(model: string, usage: TokenUsage): number | undefined {
  const known = MODEL_PRICES[model];
  if (!known) return undefined;
  const dollars = (usage.inputTokens * known.inputPerMillion + usage.outputTokens * known.outputPerMillion) / 1e6;
  return Math.round(dollars * 1e6) / 1e6;
}
