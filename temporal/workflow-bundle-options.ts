import { fileURLToPath } from 'node:url';

/** What the worker, the replay tests and the bundle test build Temporal's workflow bundle from. */
export const workflowBundleOptions = {
  workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
  preloadModules: [fileURLToPath(new URL('./workflows/shared/shared-modules.ts', import.meta.url))],
};
