import type { z } from 'zod';
import { NodeFailure, type ActivityContext, type ActivityNodeType } from './define-node';
import { SecretScrubber } from './secret-scrubber';
import { unstorableOutput } from './storable-output';

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
 * its log lines before anything is recorded, even when a server echoes them back. An output the
 * database could not store fails the attempt instead.
 */
export async function executeActivityNode<C extends z.ZodType, O extends z.ZodType>(
  nodeType: ActivityNodeType<C, O>,
  context: Omit<ActivityContext<z.output<C>>, 'addSecret'>,
): Promise<z.output<O>> {
  const scrubber = new SecretScrubber();
  let output: z.output<O>;
  try {
    output = await nodeType.execute({
      ...context,
      log: (entry) => context.log(scrubber.value(entry)),
      addSecret: (value) => scrubber.add(value),
    });
  } catch (error) {
    throw scrubbed(error, scrubber);
  }
  // Refused here with a clear reason, rather than failing later, deep in the database driver.
  const unstorable = unstorableOutput(output);
  if (unstorable) {
    throw new NodeFailure(`Node "${context.run.nodeId}": ${unstorable}`, {
      type: 'OutputNotStorable',
      nonRetryable: true,
    });
  }
  return scrubber.value(output);
}
