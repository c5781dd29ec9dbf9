import os from 'node:os';

export interface DiagnosticEcho {
  message: string;
  /** Which worker process answered: proves the activity ran in a real worker. */
  workerIdentity: string;
}

export async function diagnosticEcho(message: string): Promise<DiagnosticEcho> {
  return { message, workerIdentity: `${process.pid}@${os.hostname()}` };
}
