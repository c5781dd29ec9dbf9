'use client';

import { createContext, useContext } from 'react';
import type { PayloadRef } from '@/lib/runs/run-contract';

/** Fetches a value a run stored separately; provided by the run page for its own run. */
export type PayloadLoader = (ref: PayloadRef) => Promise<unknown>;

export const PayloadLoaderContext = createContext<PayloadLoader | null>(null);

export const usePayloadLoader = () => useContext(PayloadLoaderContext);

/** Loads the run's stored payloads through GET /api/runs/:id/payloads/:payloadId. */
export function runPayloadLoader(runId: string): PayloadLoader {
  return async (ref) => {
    const response = await fetch(`/api/runs/${runId}/payloads/${ref.$payloadRef}`);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `The value could not be loaded (HTTP ${response.status})`);
    }
    return response.json();
  };
}
