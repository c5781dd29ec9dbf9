// A sandbox thread's entry point. Node 20 gives a worker thread none of its parent's module hooks, and
// tsx registers itself only on the main thread, so the thread registers tsx before loading TypeScript.
// The web app bundles this file too (the node registry reaches the runner) but never runs it: the
// ignore comments keep its bundler from pulling in tsx and esbuild's native binary.
const { register } = await import(/* turbopackIgnore: true */ 'tsx/esm/api');

register();
await import(/* turbopackIgnore: true */ './quickjs-thread.ts');
