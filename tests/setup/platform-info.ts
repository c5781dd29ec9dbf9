/** What the test run's global setup brought up, handed to every test file. */
export interface PlatformInfo {
  webUrl: string;
  collabUrl: string;
  databaseUrl: string;
  redisUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  workerPid: number;
  vaultMasterKeys: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformInfo;
  }
}
