/** What the test run's global setup brought up, handed to every test file. */
export interface PlatformInfo {
  webUrl: string;
  collabUrl: string;
  /** The tables' owner, not held to row-level security: what test files use. */
  databaseUrl: string;
  /** The role the web app and the worker connect as. */
  appDatabaseUrl: string;
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
