import { writeFile } from 'node:fs/promises';

/**
 * The settings that make the platform's Node processes write a CPU profile when they stop
 * (bench/throughput/cpu-profile-preload.mjs), or none without a folder.
 */
export function serverProfileEnv(dir: string | undefined): Record<string, string> {
  if (!dir) return {};
  return {
    NODE_OPTIONS: `--import ${new URL('../throughput/cpu-profile-preload.mjs', import.meta.url).href}`,
    BENCH_CPU_PROFILE_DIR: dir,
  };
}

/**
 * Fetches a page 20 times one after another and prints the median time to its headers and to
 * its end, and its size; the first answer is kept in `/tmp/<path>.html` when `keepAs` is given.
 */
export async function timeServerPath(
  fetchPath: (path: string) => Promise<Response>,
  path: string,
  keepAs?: string,
): Promise<void> {
  const times: [number, number, number][] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await fetchPath(path);
    const headersAt = performance.now() - started;
    const body = await response.arrayBuffer();
    times.push([headersAt, performance.now() - started, body.byteLength]);
    if (i === 0 && keepAs) await writeFile(keepAs, Buffer.from(body));
  }
  times.sort((a, b) => a[1] - b[1]);
  const [headersAt, endAt, bytes] = times[10];
  console.log(
    `server ${path}: headers ${headersAt.toFixed(0)} ms, end ${endAt.toFixed(0)} ms, ` +
      `${(bytes / 1024).toFixed(0)} KB (median of 20)`,
  );
}
