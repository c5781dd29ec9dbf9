// The most a single run may ask for; the node's config schema and the sandbox threads are sized from these.
export const MAX_TIMEOUT_MS = 30_000;
export const MAX_MEMORY_LIMIT_MB = 256;
