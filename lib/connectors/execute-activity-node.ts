import type { z } from 'zod';
import { NodeFailure, type ActivityContext, type ActivityNodeType } from './define-node';
import { SecretScrubber } from './secret-scrubber';

function scrubbed(error: unknown, scrubber: SecretScrubber): unknown {
  if (scrubber.isEmpty) return error;
  if (error instanceof NodeFailure) {
    return new NodeFailure(scrubber.text(error.message), {
      ...error.options,
      details: scrubber.value(error.options.details),
    });
  }
  if (error instanceof Error) error.message = scrubber.text(error.message);
  return error;
}

/**
 * Runs one attempt of an activity node with a fresh secret scrubber: whatever secrets the node
 * declares (credential values and their derived forms) are masked in its output, its error and
 * its log lines before anything is recorded, even when a server echoes them back.
 */
export async function executeActivityNode<C extends z.ZodType, O extends z.ZodType>(
  nodeType: ActivityNodeType<C, O>,
  context: Omit<ActivityContext<z.output<C>>, 'addSecret'>,
): Promise<z.output<O>> {
  const scrubber = new SecretScrubber();
  try {
    const output = await nodeType.execute({
      ...context,
      log: (entry) => context.log(scrubber.value(entry)),
      addSecret: (value) => scrubber.add(value),
    });
    return scrubber.value(output);
  } catch (error) {
    throw scrubbed(error, scrubber);
  }
}
