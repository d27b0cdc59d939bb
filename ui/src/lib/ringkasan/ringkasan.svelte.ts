// The Ringkasan tab's state: the chosen month, the Ringkasan the core made for it, and which
// list of tahapan is shown. Every figure and every percentage is the core's (the same rule as
// the Laporan Monev); this file only scales bars and words what the charts say for screen
// readers. The components draw; tests drive this with a fake backend.
import type {
  Angka,
  Backend,
  CapaianBulan,
  CapaianProgram,
  Ringkasan,
  TahapanRingkas,
} from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { BULAN } from '../common/tanggal';
import { defaultBulan } from '../report/report.svelte';

// The month a Ringkasan starts on is the Laporan page's (and the core's `bulan_default`).
export { defaultBulan };

/** The share done as a width in percent (0–100); 0 when there was no target. */
export function lebar(a: Angka): number {
  if (a.target <= 0) return 0;
  return Math.min(100, Math.max(0, (a.selesai * 100) / a.target));
}

/** "36 dari 57 target selesai (63,2%)", or "Belum ada target" — a bar in words. */
export function angkaText(a: Angka): string {
  if (a.target <= 0) return 'Belum ada target';
  return `${a.selesai} dari ${a.target} target selesai (${a.persen})`;
}

/** What a program's bar says to a screen reader. */
export function programLabel(p: CapaianProgram, sampai: string): string {
  return `${p.nama}: ${sampai}, ${angkaText(p.kumulatif)}`;
}

/** The top of the month chart's scale: the largest month's target, at least 1. */
export function skala(bulan: CapaianBulan[]): number {
  return Math.max(1, ...bulan.map((b) => b.target));
}

/** What one month of the chart says to a screen reader. */
export function bulanLabel(b: CapaianBulan): string {
  return `${BULAN[b.bulan - 1]}: ${b.target} target, ${b.selesai} selesai`;
}

export type DaftarKey = 'terlambat' | 'tanpa_bukti' | 'bulan_depan';

/** The lists that lead to work, in the order of their tabs. */
export function daftarTabs(r: Ringkasan): { key: DaftarKey; label: string; count: number }[] {
  return [
    { key: 'terlambat', label: 'Terlambat', count: r.terlambat.length },
    { key: 'tanpa_bukti', label: 'Selesai tanpa bukti', count: r.tanpa_bukti.length },
    {
      key: 'bulan_depan',
      label: r.bulan_depan_nama ? `Dijadwalkan ${r.bulan_depan_nama}` : 'Bulan depan',
      count: r.bulan_depan.length,
    },
  ];
}

/** Said when a list is empty. */
export function daftarKosong(key: DaftarKey, r: Ringkasan): string {
  switch (key) {
    case 'terlambat':
      return `Tidak ada tahapan yang terlambat ${r.sampai}.`;
    case 'tanpa_bukti':
      return 'Semua tahapan yang selesai sudah memiliki bukti dukung.';
    case 'bulan_depan':
      return r.bulan_depan_nama
        ? `Tidak ada tahapan yang dijadwalkan pada ${r.bulan_depan_nama}.`
        : 'Desember adalah bulan terakhir tahun rencana.';
  }
}

/** Items shown before "Tampilkan semua". */
export const BATAS = 40;

export class RingkasanModel {
  bulan = $state(1);
  /** The Ringkasan of `bulan`, once it arrived. Raw: replaced whole, never changed inside. */
  data = $state.raw<Ringkasan | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  daftar = $state<DaftarKey>('terlambat');
  /** Show every item of the list, not only the first [`BATAS`]. */
  semua = $state(false);

  private readonly backend: Backend;
  /** Grows with each load; an answer to an older one is dropped. */
  private turn = 0;
  /** The plan's grid when the figures were last asked for (not reactive: a marker only). */
  private grid: unknown = undefined;

  constructor(backend: Backend, tahun: number, today: Date) {
    this.backend = backend;
    this.bulan = defaultBulan(tahun, today);
  }

  /** Load for the month chosen and the plan as `grid` shows it: again after every edit (each
   * replaces the grid), but not when an opened plan's grid first arrives — the plan screen
   * asked for the figures while it was on its way, and nothing has changed since. */
  show(grid: unknown): void {
    const arrived = this.grid === null && grid !== null;
    this.grid = grid;
    if (!arrived || this.turn === 0) void this.load();
  }

  /** Ask the core for the Ringkasan of the chosen month. */
  async load(): Promise<void> {
    const turn = ++this.turn;
    this.loading = true;
    try {
      const r = await this.backend.ringkasan(this.bulan);
      if (turn !== this.turn) return;
      // The benchmark measures drawing from here (tests/bench/ringkasan.mjs).
      performance.mark('renja:ringkasan-data');
      this.data = r;
      this.error = null;
    } catch (e) {
      if (turn !== this.turn) return;
      this.error = toBackendError(e).message;
    } finally {
      if (turn === this.turn) this.loading = false;
    }
  }

  choose(key: DaftarKey): void {
    this.daftar = key;
    this.semua = false;
  }

  /** Every item of the chosen list. */
  get list(): TahapanRingkas[] {
    return this.data ? this.data[this.daftar] : [];
  }

  /** The items drawn now. */
  get shown(): TahapanRingkas[] {
    return this.semua ? this.list : this.list.slice(0, BATAS);
  }
}
