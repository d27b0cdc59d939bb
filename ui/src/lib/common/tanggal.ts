// Dates as Indonesians write them.

// Month names are the core's (generated labels).
import { BULAN } from '../backend/generated/labels';

export { BULAN };
/** "27 November 2026" for an RFC 3339 time, in local time; empty if it does not parse. */
export function tanggalIndonesia(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getDate()} ${BULAN[d.getMonth()]} ${d.getFullYear()}`;
}

/** The current calendar year on this computer. */
export function tahunIni(): number {
  return new Date().getFullYear();
}

/** The parts of an ISO date ("2022-12-01"), or empty parts for "". */
export interface TanggalParts {
  hari: number | null;
  bulan: number | null;
  tahun: number | null;
}

export function splitIso(iso: string): TanggalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { hari: null, bulan: null, tahun: null };
  return { tahun: Number(m[1]), bulan: Number(m[2]), hari: Number(m[3]) };
}

/** ISO text for complete parts, "" for no parts, and null while only some are filled in. */
export function joinIso(p: TanggalParts): string | null {
  const filled = [p.hari, p.bulan, p.tahun].filter((v) => v !== null && !Number.isNaN(v));
  if (filled.length === 0) return '';
  if (filled.length < 3) return null;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(p.tahun as number, 4)}-${pad(p.bulan as number, 2)}-${pad(p.hari as number, 2)}`;
}

/** Now, on this computer's clock. */
export function hariIni(): Date {
  return new Date();
}
