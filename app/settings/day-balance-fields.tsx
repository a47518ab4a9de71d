"use client";
// Load balancing and easy days: how a review card's day is picked within its
// fuzz range (lib/scheduling/load-balancer.ts). One row per weekday, each a
// select, so the whole week fits a 320 px screen without a slider to drag.

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const LOADS: readonly { percent: number; label: string }[] = [100, 75, 50, 25, 0].map((percent) => ({ percent, label: `${percent}%` }));

export type DayBalance = { loadBalancing: boolean; easyDays: number[] };

export function DayBalanceFields({ value, onChange }: { value: DayBalance; onChange: (next: DayBalance) => void }) {
  const setDay = (index: number, percent: number) => onChange({ ...value, easyDays: value.easyDays.map((p, i) => (i === index ? percent : p)) });
  return (
    <>
      <label className="check-row">
        <input type="checkbox" checked={value.loadBalancing} name="loadBalancing" onChange={(e) => onChange({ ...value, loadBalancing: e.target.checked })} />
        Load balancing: spread reviews evenly over the days
      </label>
      <fieldset className="easy-days" id="easy-days" data-testid="easy-days">
        <legend>Easy days</legend>
        <p className="small muted">
          How much of a normal review load you want on each weekday: 100% normal, 50% reduced, 0% none if it can be helped. A review card goes to a lighter day
          within its usual range of days; cards already due stay where they are.
        </p>
        {WEEKDAYS.map((day, i) => {
          const percent = value.easyDays[i] ?? 100;
          const loads = LOADS.some((l) => l.percent === percent) ? LOADS : [...LOADS, { percent, label: `${percent}%` }];
          return (
            <label key={day} className="easy-day">
              <span>{day}</span>
              <select value={percent} name={`easyDay-${i}`} aria-label={`${day} review load`} onChange={(e) => setDay(i, Number(e.target.value))}>
                {loads.map((l) => (
                  <option key={l.percent} value={l.percent}>
                    {l.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </fieldset>
    </>
  );
}
