// State of the "Impor dari Excel/CSV" dialog: the table read (kept by the shell), the sheet,
// the mapping the user adjusts, the live preview, and where the import goes (the open plan or
// a new one). Every change of the mapping asks the shell for a new preview; an answer that
// arrives after a later change is dropped.
import type { Backend, Bulan, GroupNode, ImportView, Mapping } from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { LEVEL_LABEL } from '../backend/generated/labels';
import { tahunIni } from '../common/tanggal';
import type { AppModel } from '../app/app.svelte';

/** The columns of the mapping the user picks, in the order of the form. */
export type ColumnField =
  'program' | 'outcome' | 'kegiatan' | 'output' | 'tahapan' | 'kriteria' | 'penanggung_jawab';

export const FIELDS: readonly { key: ColumnField; label: string; required: boolean }[] = [
  { key: 'program', label: LEVEL_LABEL.program, required: false },
  { key: 'outcome', label: LEVEL_LABEL.outcome, required: false },
  { key: 'kegiatan', label: LEVEL_LABEL.kegiatan, required: false },
  { key: 'output', label: LEVEL_LABEL.output, required: false },
  { key: 'tahapan', label: LEVEL_LABEL.tahapan, required: true },
  { key: 'kriteria', label: 'Kriteria keberhasilan', required: false },
  { key: 'penanggung_jawab', label: 'Penanggung jawab', required: false },
];

/** The "tidak ada" choice of a column picker. */
export const TIDAK_ADA = 'tidak ada';

/** How the months are read, as the "Bulan" picker shows it. */
export function bulanLabel(bulan: Bulan, columns: readonly string[]): string {
  const letter = (c: number | undefined) =>
    c === undefined ? '' : (columns[c] ?? '').split(' · ')[0] || `kolom ${c + 1}`;
  switch (bulan.kind) {
    case 'columns':
      return `12 kolom bulan (${letter(bulan.columns[0])}–${letter(bulan.columns[bulan.columns.length - 1])})`;
    case 'quarters':
      return `4 kolom triwulan (${letter(bulan.columns[0])}–${letter(bulan.columns[bulan.columns.length - 1])})`;
    case 'text':
      return `Teks bulan di kolom ${letter(bulan.column)}`;
    case 'none':
      return 'Tidak ada (tahapan tanpa jadwal)';
  }
}

/** A tree line of the preview: depth 0 program … 3 output, 4 tahapan. */
export type PreviewLine = {
  depth: number;
  nama: string;
  row: number;
  generated: boolean;
  bulan: number[] | null;
};

/** The preview tree as lines, at most `limit` of them (the dialog shows the start). */
export function previewLines(programs: readonly GroupNode[], limit = 400): PreviewLine[] {
  const lines: PreviewLine[] = [];
  const walk = (node: GroupNode, depth: number) => {
    if (lines.length >= limit) return;
    lines.push({ depth, nama: node.nama, row: node.row, generated: node.generated, bulan: null });
    for (const child of node.children) walk(child, depth + 1);
    for (const t of node.tahapan) {
      if (lines.length >= limit) return;
      lines.push({ depth: 4, nama: t.nama, row: t.row, generated: false, bulan: t.bulan });
    }
  };
  for (const p of programs) walk(p, 0);
  return lines;
}

export type Target = 'plan' | 'new';

export class ImportForm {
  view = $state<ImportView | null>(null);
  sheet = $state('');
  mapping = $state<Mapping | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  readonly target: Target;
  /** The year of a new plan: the one the title rows name, else this year. */
  tahun = $state(tahunIni());
  path = $state('');
  chosenPath = $state(false);
  private asked = 0;
  private readonly app: AppModel;
  private readonly backend: Backend;

  constructor(app: AppModel, target: Target) {
    this.app = app;
    this.backend = app.backend;
    this.target = target;
  }

  get canImport(): boolean {
    return (
      !this.loading &&
      this.error === null &&
      this.mapping !== null &&
      (this.view?.preview.counts.tahapan ?? 0) > 0 &&
      (this.target === 'plan' || this.path.trim() !== '')
    );
  }

  /** The "Bulan" choices: as guessed, none, twelve month columns or four quarter columns
   * starting at any column, or a text column. */
  get bulanChoices(): { label: string; value: Bulan }[] {
    const view = this.view;
    if (!view) return [];
    const choices: { label: string; value: Bulan }[] = [];
    const add = (value: Bulan) => {
      const key = JSON.stringify(value);
      if (choices.some((c) => JSON.stringify(c.value) === key)) return;
      choices.push({ label: bulanLabel(value, view.columns), value });
    };
    if (view.guessed_bulan.kind !== 'none') add(view.guessed_bulan);
    add({ kind: 'none' });
    const run = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    const count = view.columns.length;
    for (let c = 0; c + 12 <= count; c++) add({ kind: 'columns', columns: run(c, 12) });
    for (let c = 0; c + 4 <= count; c++) add({ kind: 'quarters', columns: run(c, 4) });
    for (let c = 0; c < count; c++) add({ kind: 'text', column: c });
    return choices;
  }

  /** Pick a table with the open dialog and read it; false when cancelled or refused. */
  async chooseFile(): Promise<boolean> {
    let path: string | null;
    try {
      path = await this.backend.chooseImportFile();
    } catch (e) {
      this.error = toBackendError(e).message;
      return false;
    }
    return path ? this.read(path) : false;
  }

  async read(path: string): Promise<boolean> {
    return this.load(() => this.backend.importRead(path));
  }

  async readPasted(text: string): Promise<boolean> {
    if (text.trim() === '') {
      this.error = 'Tempelkan tabelnya dulu (salin dari Excel atau Word, lalu Ctrl+V).';
      return false;
    }
    return this.load(() => this.backend.importPasted(text));
  }

  private async load(read: () => Promise<ImportView>): Promise<boolean> {
    const asked = ++this.asked;
    this.loading = true;
    this.error = null;
    try {
      const view = await read();
      if (asked !== this.asked) return false;
      this.show(view);
      if (view.preview.tahun !== null) this.tahun = view.preview.tahun;
      if (this.target === 'new') await this.suggest();
      return true;
    } catch (e) {
      if (asked === this.asked) this.error = toBackendError(e).message;
      return false;
    } finally {
      if (asked === this.asked) this.loading = false;
    }
  }

  private show(view: ImportView): void {
    this.view = view;
    this.sheet = view.preview.sheet;
    this.mapping = view.preview.mapping;
  }

  /** Another sheet: its own guessed mapping. */
  async setSheet(sheet: string): Promise<void> {
    this.sheet = sheet;
    await this.refresh(null);
  }

  async setColumn(field: ColumnField, column: number | null): Promise<void> {
    if (!this.mapping) return;
    if (field === 'tahapan') {
      if (column === null) return;
      await this.refresh({ ...this.mapping, tahapan: column });
    } else {
      await this.refresh({ ...this.mapping, [field]: column });
    }
  }

  async setBulan(bulan: Bulan): Promise<void> {
    if (this.mapping) await this.refresh({ ...this.mapping, bulan });
  }

  async setHeaderRow(row: number): Promise<void> {
    if (!this.mapping) return;
    if (!Number.isInteger(row) || row < 1) {
      this.error = 'Baris judul harus berupa nomor baris, mulai dari 1.';
      return;
    }
    await this.refresh({ ...this.mapping, header_row: row });
  }

  async setHapusPenomoran(on: boolean): Promise<void> {
    if (this.mapping) await this.refresh({ ...this.mapping, hapus_penomoran: on });
  }

  /** Ask for the preview under `mapping` (null: the sheet's guess). The mapping shows the
   * user's choice at once; the preview follows, or the reason it cannot. */
  private async refresh(mapping: Mapping | null): Promise<void> {
    const asked = ++this.asked;
    if (mapping) this.mapping = mapping;
    this.loading = true;
    this.error = null;
    try {
      const view = await this.backend.importView(this.sheet, mapping);
      if (asked !== this.asked) return;
      this.show(view);
    } catch (e) {
      if (asked === this.asked) this.error = toBackendError(e).message;
    } finally {
      if (asked === this.asked) this.loading = false;
    }
  }

  /** Propose a free path for the new plan's year, unless the user chose one. */
  async suggest(): Promise<void> {
    if (this.chosenPath) return;
    try {
      this.path = await this.backend.suggestNewPath(this.tahun);
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }

  async choosePath(): Promise<void> {
    try {
      const picked = await this.backend.chooseNewPath(this.path);
      if (picked) {
        this.path = picked.toLowerCase().endsWith('.renjarb') ? picked : `${picked}.renjarb`;
        this.chosenPath = true;
      }
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }

  /** "Impor": into the open plan or a new one; true when done (the dialog closes). */
  async submit(): Promise<boolean> {
    const mapping = this.mapping;
    if (!this.canImport || !mapping) return false;
    if (this.target === 'plan') {
      const counts = await this.app.importIntoPlan(this.sheet, mapping);
      if (!counts) return false;
      this.app.notice = `Diimpor: ${counts.tahapan} tahapan dalam ${counts.programs} program. Urungkan (Ctrl+Z) untuk membatalkan.`;
      return true;
    }
    return this.app.createImported(this.path, this.tahun, this.sheet, mapping, this.chosenPath);
  }

  /** The dialog closes without importing: the shell lets go of the table. */
  async forget(): Promise<void> {
    await this.backend.importForget().catch(() => {});
  }
}
