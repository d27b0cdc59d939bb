// The realisasi dialog's state: what is stored for a tahapan's month, the form's values, and
// the edit that stores or clears them. The statuses and their words come from the core
// (generated labels).
import type { Backend, Edit, Realisasi, RealisasiInput, Status } from '../backend/commands';
import { toBackendError } from '../backend/ipc';

export function blank(): RealisasiInput {
  return { status: 'dalamProses', persen: 0, catatan: '', kendala: '', tindak_lanjut: '' };
}

export class RealisasiForm {
  values = $state<RealisasiInput>(blank());
  existing = $state<Realisasi | null>(null);
  loading = $state(true);
  error = $state<string | null>(null);
  readonly tahapan: number;
  /** 1–12. */
  readonly bulan: number;

  constructor(tahapan: number, bulan: number) {
    this.tahapan = tahapan;
    this.bulan = bulan;
  }

  async load(backend: Backend): Promise<void> {
    try {
      const r = await backend.getRealisasi(this.tahapan, this.bulan);
      this.existing = r;
      if (r) {
        this.values = {
          status: r.status,
          persen: r.persen,
          catatan: r.catatan,
          kendala: r.kendala,
          tindak_lanjut: r.tindak_lanjut,
        };
      }
    } catch (e) {
      this.error = toBackendError(e).message;
    } finally {
      this.loading = false;
    }
  }

  /** The status sets the ends of the scale, as the core will. */
  setStatus(status: Status): void {
    this.values.status = status;
    if (status === 'selesai') this.values.persen = 100;
    if (status === 'belumDimulai') this.values.persen = 0;
  }

  save(): Edit {
    return {
      type: 'setRealisasi',
      id: this.tahapan,
      bulan: this.bulan,
      realisasi: { ...this.values, persen: Math.round(Number(this.values.persen) || 0) },
    };
  }

  clear(): Edit {
    return { type: 'clearRealisasi', id: this.tahapan, bulan: this.bulan };
  }
}
