// Months of the plan year as a 12-bit mask: bit 0 = Januari … bit 11 = Desember.

// Month names are the core's (generated labels).
export { BULAN_PENDEK } from '../backend/generated/labels';
export function hasMonth(mask: number, month: number): boolean {
  return (mask & (1 << month)) !== 0;
}

/** Set (or clear) every month from `a` to `b` inclusive, in either order. */
export function setRange(mask: number, a: number, b: number, on: boolean): number {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  let out = mask;
  for (let m = lo; m <= hi; m++) out = on ? out | (1 << m) : out & ~(1 << m);
  return out;
}

/** The 0-based current month if `today` falls in the plan's year, else null. */
export function currentMonth(tahun: number, today: Date): number | null {
  return today.getFullYear() === tahun ? today.getMonth() : null;
}
