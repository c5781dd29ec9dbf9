import type { Prisma } from '../db/generated/client';
import { windowEndingAt } from './range';
import { runOutcomes } from './run-outcomes';
import type { Slo } from './slo';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface BurnRate {
  windowHours: number;
  /** Error rate over the window divided by the rate the SLO allows; null when no run ended. */
  burnRate: number | null;
  failed: number;
  decided: number;
}

export interface ErrorBudget {
  slo: Slo;
  /** Runs that succeeded or failed over the SLO's window, and how many failed. */
  decided: number;
  failed: number;
  successRate: number | null;
  /** 1 - failures / failures allowed: 1 untouched, 0 spent, below 0 overspent; null when no run ended. */
  budgetRemaining: number | null;
  /** Multi-window burn rates (Google's SRE workbook): 1 means spending exactly the budget. */
  burnRates: BurnRate[];
}

const BURN_WINDOWS_HOURS = [1, 6];

/** The error budget over the SLO's window ending at `now`, and how fast it burns lately. */
export async function errorBudget(
  tx: Prisma.TransactionClient,
  orgId: string,
  slo: Slo,
  now: Date,
): Promise<ErrorBudget> {
  const allowedErrorRate = 1 - slo.objectivePercent / 100;
  const overSlo = await runOutcomes(tx, orgId, windowEndingAt(now, slo.windowDays * DAY_MS));
  const decided = overSlo.succeeded + overSlo.failed;
  const burnRates: BurnRate[] = [];
  for (const windowHours of BURN_WINDOWS_HOURS) {
    const recent = await runOutcomes(tx, orgId, windowEndingAt(now, windowHours * HOUR_MS));
    const recentDecided = recent.succeeded + recent.failed;
    burnRates.push({
      windowHours,
      burnRate: recentDecided === 0 ? null : recent.failed / recentDecided / allowedErrorRate,
      failed: recent.failed,
      decided: recentDecided,
    });
  }
  return {
    slo,
    decided,
    failed: overSlo.failed,
    successRate: overSlo.successRate,
    budgetRemaining: decided === 0 ? null : 1 - overSlo.failed / (decided * allowedErrorRate),
    burnRates,
  };
}
