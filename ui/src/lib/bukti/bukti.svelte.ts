// The page state of the bukti views: the panel beside the grid (one tahapan's bukti and their
// files), the form that adds or changes a bukti, and the plan-wide list. Components render
// these and call their methods; tests drive them with a fake backend. Adding, changing and
// deleting are plan edits (`app.edit`), so undo and the refreshed grid come with them.
import type { AppModel } from '../app/app.svelte';
import type { Bukti, BuktiInput, BuktiProgress, Edit } from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { blankBukti } from './bukti';
import { ButirBukti } from './butir.svelte';
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

/** Whole percent of `p` done, never 100 before the end: the bar is full only when it is. */
export function persen(p: BuktiProgress): number {
  if (p.total <= 0 || p.done >= p.total) return 100;
  return Math.min(99, Math.floor((p.done * 100) / p.total));
}

/** The form that adds a bukti to a tahapan, or changes one and attaches more files. */
export class BuktiForm {
  values = $state<BuktiInput>(blankBukti(1));
  /** Paths of the files to attach, chosen or dropped, each once. */
  files = $state<string[]>([]);
  /** True from "Simpan" until the plan answered: the form can be neither sent again nor
   * closed, and its files stay as they are. */
  saving = $state(false);
  /** Percent of the files' bytes stored while they are being added; null otherwise. */
  progress = $state<number | null>(null);
  /** The bukti being changed; null adds a new one. */
  readonly existing: Bukti | null;
  /** The LKE butir the bukti answers. */
  readonly butir: ButirBukti;
  private readonly app: AppModel;
  private readonly tahapan: number;

  /** `bulan`: the months (bit mask) a new bukti supports until the user changes them. */
  constructor(app: AppModel, tahapan: number, bulan: number, existing: Bukti | null = null) {
    this.app = app;
    this.tahapan = tahapan;
    this.existing = existing;
    this.values = existing ? inputOf(existing) : blankBukti(bulan);
    this.butir = new ButirBukti(app.backend, tahapan, existing?.id ?? null);
  }

  addFiles(paths: string[]): void {
    if (this.saving) return;
    const fresh = paths.filter((p, i) => !this.files.includes(p) && paths.indexOf(p) === i);
    this.files = [...this.files, ...fresh];
  }

  removeFile(path: string): void {
    if (this.saving) return;
    this.files = this.files.filter((f) => f !== path);
  }

  /** Ask the user for files to attach. */
  async choose(): Promise<void> {
    if (this.saving) return;
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
    return this.values.judul.trim() !== '' && !this.app.busy && !this.saving;
  }

  /** The dialog may be closed (Batal, Escape) only while nothing is being stored. */
  get canClose(): boolean {
    return !this.saving;
  }

  /** "Menyimpan berkas… 45%" while files are being stored. */
  get progressText(): string | null {
    return this.progress === null ? null : `Menyimpan berkas… ${this.progress}%`;
  }

  /** Store the form; true when it is stored and the dialog may close. A new bukti is one
   * step with its files and its own LKE butir. Changing a bukti is one step for its details,
   * one for its LKE butir when they changed, and one for new files, in that order: a refused
   * step stores nothing after it. A second submit while the first is on
   * its way is ignored. */
  async submit(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    try {
      return await this.store();
    } finally {
      this.saving = false;
      this.progress = null;
    }
  }

  private async store(): Promise<boolean> {
    const bukti = $state.snapshot(this.values);
    const files = $state.snapshot(this.files);
    const existing = this.existing;
    const follow = (p: BuktiProgress) => {
      this.progress = Math.max(this.progress ?? 0, persen(p));
    };
    if (!existing) {
      const butir = this.butir.forNew;
      const edit: Edit = {
        type: 'addBukti',
        tahapan: this.tahapan,
        bukti,
        files,
        ...(butir ? { butir } : {}),
      };
      if (files.length === 0) return (await this.app.edit(edit)) !== null;
      this.progress = 0;
      return (await this.app.edit(edit, follow)) !== null;
    }
    if (!(await this.app.edit({ type: 'updateBukti', id: existing.id, bukti }))) return false;
    const butir = this.butir.edit;
    if (butir) {
      if (!(await this.app.edit(butir))) return false;
      this.butir.saved();
    }
    if (files.length === 0) return true;
    this.progress = 0;
    return (
      (await this.app.edit({ type: 'addBuktiFiles', id: existing.id, files }, follow)) !== null
    );
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
