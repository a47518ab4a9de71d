const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** A "month" in labels is 30 days and a "year" 365 days, as in Anki. */
const MONTH_DAYS = 30;
const YEAR_DAYS = 365;

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * A short label for an interval, as shown on rating buttons: "1m", "10m",
 * "1.5h", "1d", "25d", "3.2mo", "1.1y". `ms` is the interval in milliseconds
 * (due − now). Minutes and days are whole (minutes at least 1); hours, months
 * (30 days) and years (365 days) carry one decimal, dropped when it is 0.
 * Zero or negative intervals read "now".
 */
export function formatInterval(ms: number): string {
  if (ms <= 0) return "now";
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / MINUTE_MS))}m`;
  if (ms < DAY_MS) return `${oneDecimal(ms / HOUR_MS)}h`;
  const days = ms / DAY_MS;
  if (days < MONTH_DAYS) return `${Math.round(days)}d`;
  if (days < YEAR_DAYS) return `${oneDecimal(days / MONTH_DAYS)}mo`;
  return `${oneDecimal(days / YEAR_DAYS)}y`;
}
