// A sandbox thread's entry point. Node 20 gives a worker thread none of its parent's module hooks, and
// tsx registers itself only on the main thread, so the thread registers tsx before loading TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./quickjs-thread.ts');
