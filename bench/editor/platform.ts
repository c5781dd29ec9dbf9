import type { TestProject } from 'vitest/node';
import startTestPlatform from '../../tests/setup/platform';
import type { PlatformInfo } from '../../tests/setup/platform-info';

export interface BenchPlatform {
  info: PlatformInfo;
  /** `fetch` of an app path as the signed-up owner, from the app's own origin as a page would. */
  ownerFetch(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The whole platform exactly as the integration tests get it (tests/setup/platform.ts): a fresh
 * `next build` served by `next start`, the worker and the collab server, on free ports and a
 * throwaway data folder, with an owner signed up and signed in. That setup only hands its
 * result to `project.provide`, so a stand-in project catches it. `envOverrides` change the
 * servers' settings (e.g. rate limits) for this bench only.
 */
export async function startBenchPlatform(envOverrides: Record<string, string> = {}): Promise<BenchPlatform> {
  let info: PlatformInfo | undefined;
  const project: Pick<TestProject, 'provide'> = {
    provide: (key, value) => {
      if (key === 'platform') info = value as PlatformInfo;
    },
  };
  const stop = await startTestPlatform(project as TestProject, envOverrides);
  if (!info) {
    await stop();
    throw new Error('tests/setup/platform.ts no longer provides `platform`: update bench/editor/platform.ts');
  }
  const { webUrl, owner } = info;
  return {
    info,
    ownerFetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', owner.sessionCookie);
      headers.set('origin', webUrl);
      if (init.body !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${webUrl}${path}`, { ...init, headers });
    },
    stop,
  };
}
