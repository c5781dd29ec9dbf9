import { fileURLToPath } from 'node:url';

const preloaded = (file: string) => fileURLToPath(new URL(`./workflows/shared/${file}`, import.meta.url));

/** What the worker, the replay tests and the bundle test build Temporal's workflow bundle from. */
export const workflowBundleOptions = {
  workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
  preloadModules: [
    preloaded('shared-modules.ts'),
    ...(process.env.WORKFLOW_STACK_TRACES === 'true' ? [] : [preloaded('stack-traces-off.ts')]),
  ],
};
