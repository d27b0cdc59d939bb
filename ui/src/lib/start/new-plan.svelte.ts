// State of the "Buat rencana baru" dialog: template, year, and where the file goes. The
// proposed location follows the year until the user picks one with the save dialog.
import type { Backend, Template } from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { tahunIni } from '../common/tanggal';

export const TAHUN_MIN = 2000;
export const TAHUN_MAX = 2100;

export class NewPlanForm {
  template = $state<Template>('seed');
  tahun = $state<number>(tahunIni());
  path = $state('');
  /** The path came from the save dialog, which already asked before replacing a file. */
  chosen = $state(false);
  error = $state<string | null>(null);
  private readonly backend: Backend;

  constructor(backend: Backend, tahun: number = tahunIni()) {
    this.backend = backend;
    this.tahun = tahun;
  }

  get tahunValid(): boolean {
    return Number.isInteger(this.tahun) && this.tahun >= TAHUN_MIN && this.tahun <= TAHUN_MAX;
  }

  get canCreate(): boolean {
    return this.tahunValid && this.path.trim() !== '';
  }

  /** Propose a free path for the current year, unless the user chose one. */
  async suggest(): Promise<void> {
    if (this.chosen || !this.tahunValid) return;
    try {
      this.path = await this.backend.suggestNewPath(this.tahun);
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }

  async choose(): Promise<void> {
    try {
      const picked = await this.backend.chooseNewPath(this.path);
      if (picked) {
        this.path = picked.toLowerCase().endsWith('.renjarb') ? picked : `${picked}.renjarb`;
        this.chosen = true;
      }
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }
}
