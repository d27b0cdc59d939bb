// The Laporan page: which report, for which period, program and paper; a preview that
// follows the choices; saving the report or the evidence package. The component only renders
// this and calls its methods; tests drive it with a fake backend.
import type {
  Backend,
  CatatanTahunan,
  Kertas,
  PaketRequest,
  ReportFormat,
  ReportKind,
  ReportRequest,
  Urut,
} from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { ROMAWI } from '../backend/generated/labels';
import { BULAN } from '../common/tanggal';
import { ukuran } from '../bukti/bukti';

/** What can be made on the page: the six reports and the evidence package. */
export type Pilihan = ReportKind | 'paket';

export const LAPORAN: { value: Pilihan; label: string }[] = [
  { value: 'rencanaAksi', label: 'Rencana Aksi' },
  { value: 'bulanan', label: 'Laporan Monev Bulanan' },
  { value: 'triwulan', label: 'Laporan Monev Triwulan' },
  { value: 'tahunan', label: 'Laporan Monev Tahunan' },
  { value: 'bukti', label: 'Daftar Bukti Dukung' },
  { value: 'ringkasan', label: 'Ringkasan Capaian' },
  { value: 'laporanTahunan', label: 'Laporan Tahunan (dokumen lengkap)' },
  { value: 'paket', label: 'Paket Bukti Dukung (ZIP)' },
];

/** The formats a report is saved in: the whole yearly document goes to Word, the table
 * reports to Excel, the Ringkasan Capaian (a printed page) to PDF only (the core refuses the
 * other pairs). */
export function formatsOf(pilihan: Pilihan): { value: ReportFormat; label: string }[] {
  if (pilihan === 'ringkasan') return [{ value: 'pdf', label: 'PDF' }];
  return pilihan === 'laporanTahunan'
    ? [
        { value: 'pdf', label: 'PDF' },
        { value: 'docx', label: 'Word' },
      ]
    : [
        { value: 'pdf', label: 'PDF' },
        { value: 'xlsx', label: 'Excel' },
      ];
}

/** What the save button says for a format. */
export function simpanLabel(format: ReportFormat): string {
  return { pdf: 'Simpan PDF…', xlsx: 'Simpan Excel…', docx: 'Simpan Word…' }[format];
}

// Quarters in Roman numerals come from the core (generated labels).
export { ROMAWI };

/** "Triwulan I (Januari – Maret)". */
export function triwulanLabel(t: number): string {
  return `Triwulan ${ROMAWI[t - 1]} (${BULAN[(t - 1) * 3]} – ${BULAN[(t - 1) * 3 + 2]})`;
}

export const KERTAS: { value: Kertas; label: string }[] = [
  { value: 'a4', label: 'A4' },
  { value: 'f4', label: 'F4 (Folio)' },
];

/** The orders of the Daftar Bukti Dukung. */
export const URUT: { value: Urut; label: string }[] = [
  { value: 'program', label: 'Menurut program' },
  { value: 'lke', label: 'Menurut butir LKE' },
];

/** Which evidence the package holds: the whole year, one month, or one quarter. */
export type Cakupan = 'tahun' | 'bulan' | 'triwulan';

export const CAKUPAN: { value: Cakupan; label: string }[] = [
  { value: 'tahun', label: 'Seluruh tahun' },
  { value: 'bulan', label: 'Satu bulan' },
  { value: 'triwulan', label: 'Satu triwulan' },
];

/** The month a report starts on: this month during the plan's year, December once the year
 * has passed, January before it has begun. */
export function defaultBulan(tahun: number, today: Date): number {
  const year = today.getFullYear();
  if (year < tahun) return 1;
  if (year > tahun) return 12;
  return today.getMonth() + 1;
}

export function triwulanOf(bulan: number): number {
  return Math.ceil(bulan / 3);
}

/** "2026-03-05" for a local date. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last part of a path, for messages. */
export function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

/** How long the choices must stay still before the preview is rendered again. */
export const PREVIEW_DELAY_MS = 350;

export interface Saved {
  /** The file written, for "Buka folder". */
  path: string;
  text: string;
}

export class ReportModel {
  pilihan = $state<Pilihan>('bulanan');
  bulan = $state(1);
  triwulan = $state(1);
  /** A program's number, or null for every program. */
  program = $state<number | null>(null);
  kertas = $state<Kertas>('a4');
  format = $state<ReportFormat>('pdf');
  /** The date above the signature (ISO); empty means the core's "today". */
  tanggal = $state('');
  cakupan = $state<Cakupan>('tahun');
  /** The order of the Daftar Bukti Dukung. */
  urut = $state<Urut>('program');

  /** The PDF shown in the preview, once rendered. Raw: bytes are not made reactive. */
  preview = $state.raw<ArrayBuffer | null>(null);
  /** True from a change of choices until the new preview arrived. */
  previewing = $state(false);
  previewError = $state<string | null>(null);
  /** The proposed file name of the report as it is now chosen. */
  fileName = $state<string | null>(null);

  saving = $state(false);
  /** Percent written of an evidence package; null when none is being written. */
  progress = $state<number | null>(null);
  saved = $state<Saved | null>(null);
  error = $state<string | null>(null);

  private readonly backend: Backend;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Grows with each preview asked for; an answer to an older one is dropped. */
  private turn = 0;

  constructor(backend: Backend, tahun: number, today: Date) {
    this.backend = backend;
    this.bulan = defaultBulan(tahun, today);
    this.triwulan = triwulanOf(this.bulan);
    this.tanggal = isoDate(today);
  }

  get paket(): boolean {
    return this.pilihan === 'paket';
  }

  /** The formats the chosen report is made in. */
  get formats(): { value: ReportFormat; label: string }[] {
    return formatsOf(this.pilihan);
  }

  /** Choose a report; a format it is not made in falls back to PDF. */
  choose(pilihan: Pilihan): void {
    this.pilihan = pilihan;
    if (!formatsOf(pilihan).some((f) => f.value === this.format)) this.format = 'pdf';
  }

  /** Which period the choices ask for: a month (Laporan Monev Bulanan, or a package of one
   * month), a quarter (Triwulan, or a package of one quarter), or none (the whole year). */
  get period(): 'bulan' | 'triwulan' | null {
    if (this.pilihan === 'bulanan' || this.pilihan === 'ringkasan') return 'bulan';
    if (this.pilihan === 'triwulan') return 'triwulan';
    if (this.paket && this.cakupan !== 'tahun') return this.cakupan;
    return null;
  }

  /** The report as the core is asked for it (for the package: its Daftar Bukti Dukung). */
  get request(): ReportRequest {
    const kind: ReportKind = this.pilihan === 'paket' ? 'bukti' : this.pilihan;
    return {
      kind,
      bulan: kind === 'bulanan' || kind === 'ringkasan' ? this.bulan : null,
      triwulan: kind === 'triwulan' ? this.triwulan : null,
      program: this.program,
      kertas: this.kertas,
      // The Rencana Aksi is dated by the decree it is the lampiran of.
      tanggal: kind === 'rencanaAksi' ? null : this.tanggal || null,
      urut: this.pilihan === 'bukti' ? this.urut : 'program',
    };
  }

  get paketRequest(): PaketRequest {
    return {
      bulan: this.cakupan === 'bulan' ? this.bulan : null,
      triwulan: this.cakupan === 'triwulan' ? this.triwulan : null,
      program: this.program,
    };
  }

  /** The format the report is saved in: the one chosen when the report is made in it,
   * else PDF. */
  get saveFormat(): ReportFormat {
    return this.formats.some((f) => f.value === this.format) ? this.format : 'pdf';
  }

  /** Changes whenever the preview would show something else. */
  get previewKey(): string {
    return this.paket ? 'paket' : JSON.stringify([this.request, this.saveFormat]);
  }

  /** Render the preview again once the choices have stayed still for a moment. */
  schedulePreview(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.paket) {
      // A package is not a document to look at; drop any answer still on its way.
      this.turn += 1;
      this.previewing = false;
      this.preview = null;
      this.previewError = null;
      return;
    }
    this.previewing = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, PREVIEW_DELAY_MS);
  }

  /** Render the preview now. */
  async refresh(): Promise<void> {
    const turn = ++this.turn;
    const request = this.request;
    const format = this.saveFormat;
    this.previewing = true;
    try {
      const [bytes, name] = await Promise.all([
        this.backend.reportPreview(request),
        this.backend.reportFileName(request, format),
      ]);
      if (turn !== this.turn) return;
      this.preview = bytes;
      this.fileName = name;
      this.previewError = null;
    } catch (e) {
      if (turn !== this.turn) return;
      this.preview = null;
      this.fileName = null;
      this.previewError = toBackendError(e).message;
    } finally {
      if (turn === this.turn) this.previewing = false;
    }
  }

  /** Stop a pending preview (the page is closing). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.turn += 1;
  }

  private begin(): void {
    this.error = null;
    this.saved = null;
    this.progress = null;
  }

  /** Ask where to save the report, then write it there. */
  async save(): Promise<void> {
    this.begin();
    const request = this.request;
    const format = this.saveFormat;
    try {
      const dest = await this.backend.chooseReportPath(request, format);
      if (!dest) return;
      this.saving = true;
      await this.backend.writeReport(request, format, dest);
      this.saved = { path: dest, text: `Laporan disimpan: ${baseName(dest)}` };
    } catch (e) {
      this.error = toBackendError(e).message;
    } finally {
      this.saving = false;
    }
  }

  /** Ask where to save the evidence package, then write it, following its progress. */
  async exportPaket(): Promise<void> {
    this.begin();
    const request = this.paketRequest;
    try {
      const dest = await this.backend.choosePaketPath(request);
      if (!dest) return;
      this.saving = true;
      this.progress = 0;
      const summary = await this.backend.exportPaket(request, dest, (p) => {
        this.progress = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 0;
      });
      this.progress = 100;
      this.saved = {
        path: summary.path,
        text:
          `Paket bukti dukung disimpan: ${baseName(summary.path)} ` +
          `(${summary.bukti} bukti, ${summary.berkas} berkas, ${ukuran(summary.bytes)})`,
      };
    } catch (e) {
      this.progress = null;
      this.error = toBackendError(e).message;
    } finally {
      this.saving = false;
    }
  }

  async openFolder(): Promise<void> {
    if (!this.saved) return;
    try {
      await this.backend.openFolder(this.saved.path);
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }
}

/** The narrative of one chapter of the Laporan Tahunan, stored when the user leaves the
 * field (like the identity form); a refusal keeps the text in the field with its message. */
export class BabForm {
  teks = $state('');
  error = $state<string | null>(null);
  private stored: string;
  private readonly save: (teks: string) => Promise<string | null>;

  constructor(initial: string, save: (teks: string) => Promise<string | null>) {
    this.teks = initial;
    this.stored = initial;
    this.save = save;
  }

  async commit(): Promise<void> {
    const teks = this.teks;
    if (teks === this.stored) return;
    const refused = await this.save(teks);
    this.error = refused;
    if (refused === null) this.stored = teks;
  }
}

/** The team's conclusions and recommendations for the yearly report, each stored as soon as
 * the user leaves its field (like the identity form). */
export class CatatanForm {
  values = $state<CatatanTahunan>({ kesimpulan: '', rekomendasi: '' });
  error = $state<string | null>(null);
  private stored: CatatanTahunan;
  private readonly save: (catatan: CatatanTahunan) => Promise<string | null>;

  /** `save` stores the notes and answers the refusal's message, or null when stored. */
  constructor(initial: CatatanTahunan, save: (catatan: CatatanTahunan) => Promise<string | null>) {
    this.values = { ...initial };
    this.stored = { ...initial };
    this.save = save;
  }

  async commit(): Promise<void> {
    const catatan = { ...this.values };
    if (
      catatan.kesimpulan === this.stored.kesimpulan &&
      catatan.rekomendasi === this.stored.rekomendasi
    ) {
      return;
    }
    const refused = await this.save(catatan);
    this.error = refused;
    if (refused === null) this.stored = catatan;
  }
}
