// Labels for "YYYY-MM-DD" study-day keys. The key already is the local date,
// so it is formatted as a UTC date: no second time-zone conversion.

const formatter = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
const LONG = formatter({ weekday: "short", day: "numeric", month: "short" });
const SHORT = formatter({ day: "numeric", month: "short" });
const MONTH = formatter({ month: "short" });

const asDate = (key: string) => new Date(`${key}T00:00:00Z`);

/** "Mon 23 Nov" */
export const longDay = (key: string) => LONG.format(asDate(key));
/** "Nov" */
export const monthOf = (key: string) => MONTH.format(asDate(key));
/** "23 Nov" */
export const shortDay = (key: string) => SHORT.format(asDate(key));
