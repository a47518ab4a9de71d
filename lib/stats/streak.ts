// Streak: consecutive study days with at least one review, ending today (or
// yesterday, when today has no review yet — the streak is still alive).

/** `dayKeys` are "YYYY-MM-DD" study days with reviews, any order; `todayKey` is today's. */
export function currentStreak(dayKeys: Iterable<string>, todayKey: string): number {
  const days = new Set(dayKeys);
  let cursor = days.has(todayKey) ? todayKey : previousDay(todayKey);
  let streak = 0;
  while (days.has(cursor)) {
    streak++;
    cursor = previousDay(cursor);
  }
  return streak;
}

/** The calendar day before a "YYYY-MM-DD" key. */
export function previousDay(key: string): string {
  const date = new Date(`${key}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
