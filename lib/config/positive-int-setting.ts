/** A whole number above zero from the environment; the fallback when unset or anything else. */
export function positiveIntSetting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
