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
  authSecret: string;
  /** What GET /api/metrics asks for as its bearer token. */
  metricsToken: string;
  /** The local OTLP collector the platform exports traces to; GET /spans?traceId=… lists what arrived. */
  otlpCollectorUrl: string;
  /** Where web.log, worker.log and collab.log collect every line the apps print. */
  logDir: string;
  /** The local OpenID Connect provider sign-in offers; POST /next-user picks who it signs in. */
  oidcUrl: string;
  /** A signed-up user owning the org the tests work in, and their session cookie. */
  owner: {
    userId: string;
    email: string;
    password: string;
    orgId: string;
    orgName: string;
    sessionCookie: string;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: PlatformInfo;
  }
}
