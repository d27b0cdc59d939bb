// The page state of the bukti views: the panel beside the grid (one tahapan's bukti and their
// files), the form that adds or changes a bukti, and the plan-wide list. Components render
// these and call their methods; tests drive them with a fake backend. Adding, changing and
// deleting are plan edits (`app.edit`), so undo and the refreshed grid come with them.
import type { AppModel } from '../app/app.svelte';
import type { Bukti, BuktiInput } from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { blankBukti } from './bukti';
import { NO_FILTERS, type BuktiFilters } from './list';

/** The bukti of the tahapan chosen in the grid, and what the panel's buttons do. */
export class BuktiPanelModel {
  list = $state<Bukti[]>([]);
  /** "Berkas disimpan di …" after a file was saved out. */
  saved = $state<string | null>(null);
  private readonly app: AppModel;
  /** Grows with each load; an answer to an older one (another tahapan) is dropped. */
  private turn = 0;

  constructor(app: AppModel) {
    this.app = app;
  }

  /** Show the bukti of tahapan `tahapan`; none when no tahapan is chosen. */
  async load(tahapan: number | null): Promise<void> {
    const turn = ++this.turn;
    if (tahapan === null) {
      this.list = [];
      return;
    }
    try {
      const list = await this.app.backend.buktiList(tahapan);
      if (turn === this.turn) this.list = list;
    } catch (e) {
      if (turn === this.turn) this.app.error = toBackendError(e).message;
    }
  }

  /** Save one file out where the user chooses. */
  async saveFile(fileId: number): Promise<void> {
    this.saved = null;
    try {
      const path = await this.app.backend.saveBuktiFile(fileId);
      if (path) this.saved = `Berkas disimpan di ${path}`;
    } catch (e) {
      this.app.error = toBackendError(e).message;
    }
  }

  /** Open one file with the computer's own application. */
  async openFile(fileId: number): Promise<void> {
    try {
      await this.app.backend.openBuktiFile(fileId);
    } catch (e) {
      this.app.error = toBackendError(e).message;
    }
  }

  /** Delete a bukti with its files (the user already confirmed; undo brings it back). */
  async remove(bukti: Bukti): Promise<void> {
    await this.app.edit({ type: 'deleteBukti', id: bukti.id });
  }
}

/** The form's values for an existing bukti: its months as the 12-bit mask the core takes. */
export function inputOf(b: Bukti): BuktiInput {
  return {
    judul: b.judul,
    jenis: b.jenis,
    nomor: b.nomor,
    tanggal: b.tanggal,
    keterangan: b.keterangan,
    bulan: b.bulan.reduce((mask, m) => mask | (1 << (m - 1)), 0),
  };
}

/** The form that adds a bukti to a tahapan, or changes one and attaches more files. */
export class BuktiForm {
  values = $state<BuktiInput>(blankBukti(1));
  /** Paths of the files to attach, chosen or dropped, each once. */
  files = $state<string[]>([]);
  /** The bukti being changed; null adds a new one. */
  readonly existing: Bukti | null;
  private readonly app: AppModel;
  private readonly tahapan: number;

  /** `bulan`: the months (bit mask) a new bukti supports until the user changes them. */
  constructor(app: AppModel, tahapan: number, bulan: number, existing: Bukti | null = null) {
    this.app = app;
    this.tahapan = tahapan;
    this.existing = existing;
    this.values = existing ? inputOf(existing) : blankBukti(bulan);
  }

  addFiles(paths: string[]): void {
    const fresh = paths.filter((p, i) => !this.files.includes(p) && paths.indexOf(p) === i);
    this.files = [...this.files, ...fresh];
  }

  removeFile(path: string): void {
    this.files = this.files.filter((f) => f !== path);
  }

  /** Ask the user for files to attach. */
  async choose(): Promise<void> {
    try {
      this.addFiles(await this.app.backend.chooseBuktiFiles());
    } catch {
      // The dialog could not be shown; the user can still drop files.
    }
  }

  /** Month `m` (0-based) supported or not. */
  toggleMonth(m: number): void {
    this.values.bulan ^= 1 << m;
  }

  get canSave(): boolean {
    return this.values.judul.trim() !== '' && !this.app.busy;
  }

  /** Store the form; true when it is stored and the dialog may close. Changing a bukti is one
   * step for its details and one for new files, in that order: a refused detail stores no
   * file. */
  async submit(): Promise<boolean> {
    const bukti = $state.snapshot(this.values);
    const files = $state.snapshot(this.files);
    const existing = this.existing;
    if (!existing) {
      return (
        (await this.app.edit({ type: 'addBukti', tahapan: this.tahapan, bukti, files })) !== null
      );
    }
    if (!(await this.app.edit({ type: 'updateBukti', id: existing.id, bukti }))) return false;
    if (files.length === 0) return true;
    return (await this.app.edit({ type: 'addBuktiFiles', id: existing.id, files })) !== null;
  }
}

/** Every bukti of the plan, for the list and its filters. */
export class BuktiListModel {
  all = $state<Bukti[]>([]);
  /** False until the first answer, so "no bukti yet" is not shown while loading. */
  loaded = $state(false);
  filters = $state<BuktiFilters>({ ...NO_FILTERS });
  private readonly app: AppModel;

  constructor(app: AppModel) {
    this.app = app;
  }

  async load(): Promise<void> {
    try {
      this.all = await this.app.backend.buktiList(null);
      this.loaded = true;
    } catch (e) {
      this.app.error = toBackendError(e).message;
    }
  }
}
