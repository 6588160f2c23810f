/**
 * Calendar days in the learner's local time, as `YYYY-MM-DD`: what "due
 * today", a study day and a streak mean to a person.
 */

export function dayKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Midnight at the start of `date`'s day, `days` days later (negative for earlier); DST-safe. */
export function startOfDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The last moment of `date`'s day. */
export function endOfDay(date: Date): Date {
  return new Date(startOfDay(date, 1).getTime() - 1);
}

/** 0 for Monday ... 6 for Sunday. */
export function weekdayIndex(date: Date): number {
  return (date.getDay() + 6) % 7;
}
