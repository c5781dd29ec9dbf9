import { NodeFailure, type NodeLogEntry } from '../define-node';
import { checkReply, compileOutputSchema, repairRequest, schemaInstruction } from './output-schema';
import { estimateCostUsd, type TokenUsage } from './prices';
import type { ChatMessage, ChatProvider } from './providers';
import { StreamedTextLog } from './streamed-text-log';

export interface CompletionRequest {
  model: string;
  system?: string;
  prompt: string;
  temperature?: number;
  maxTokens: number;
  timeoutMs: number;
  outputSchema?: Record<string, unknown>;
  maxRepairs: number;
}

export interface CompletionOutput {
  text: string;
  json?: unknown;
  model: string;
  usage: TokenUsage;
  costUsd?: number;
  repairs: number;
}

/**
 * Asks the model, streaming its reply into the run log. With an output schema, the reply must be
 * JSON that matches it: a reply that does not is quoted its errors and asked again, `maxRepairs`
 * times at most, before the node fails naming them. Usage and cost cover every reply.
 */
export async function complete(
  provider: ChatProvider,
  request: CompletionRequest,
  log: (entry: NodeLogEntry) => void,
): Promise<CompletionOutput> {
  const validate = request.outputSchema ? compileOutputSchema(request.outputSchema) : undefined;
  const system = request.outputSchema
    ? [request.system, schemaInstruction(request.outputSchema)].filter(Boolean).join('\n\n')
    : request.system;
  const messages: ChatMessage[] = [{ role: 'user', content: request.prompt }];
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  for (let repairs = 0; ; repairs++) {
    const streamed = new StreamedTextLog(log, { reply: repairs + 1 });
    const reply = await provider(
      {
        model: request.model,
        system,
        messages,
        temperature: request.temperature,
        maxTokens: request.maxTokens,
        timeoutMs: request.timeoutMs,
      },
      (text) => streamed.write(text),
    );
    streamed.end();
    usage.inputTokens += reply.usage.inputTokens;
    usage.outputTokens += reply.usage.outputTokens;
    const costUsd = estimateCostUsd(reply.model, usage) ?? estimateCostUsd(request.model, usage);
    const output = {
      text: reply.text,
      model: reply.model,
      usage: { ...usage },
      ...(costUsd !== undefined ? { costUsd } : {}),
    };
    if (!validate) return { ...output, repairs };
    const checked = checkReply(validate, reply.text);
    if (checked.ok) return { ...output, json: checked.value, repairs };
    if (repairs >= request.maxRepairs) {
      throw new NodeFailure(
        `The reply does not match outputSchema after ${repairs} ${repairs === 1 ? 'repair' : 'repairs'}: ${checked.errors.join('; ')}`,
        { type: 'LlmOutputInvalid', nonRetryable: true, details: { errors: checked.errors, usage: { ...usage } } },
      );
    }
    log({
      level: 'WARN',
      message: `The reply does not match outputSchema (${checked.errors.join('; ')}): asking the model to repair it (${repairs + 1} of ${request.maxRepairs})`,
    });
    messages.push({ role: 'assistant', content: reply.text }, { role: 'user', content: repairRequest(checked.errors) });
  }
}
