import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it } from 'vitest';
import { temporalClient } from '@/temporal/client';

describe('Temporal', () => {
  it('runs a workflow and its activity on the real worker process', async () => {
    const platform = inject('platform');
    const client = await temporalClient();
    const message = `ping ${randomUUID()}`;
    const result = await client.workflow.execute('diagnosticWorkflow', {
      taskQueue: platform.taskQueue,
      workflowId: `test-diagnostic-${randomUUID()}`,
      args: [message],
      workflowExecutionTimeout: '30 seconds',
    });
    expect(result).toMatchObject({ message });
    // The activity ran in the worker the launcher started, not in this test process.
    expect(result.workerIdentity).toMatch(new RegExp(`^${platform.workerPid}@`));
  });
});
