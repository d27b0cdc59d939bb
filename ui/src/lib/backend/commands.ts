// Typed calls to the shell's commands (src-tauri/src/commands/). Argument names are the
// Rust parameter names in camelCase, as Tauri expects.
import { call } from './ipc';
import { onBuktiProgress, onLkeProgress, onMergeProgress, onPaketProgress } from './events';
import type { Edit } from './generated/Edit';
import type { Edited } from './generated/Edited';
import type { NewPlan } from './generated/NewPlan';
import type { PlanIdentity } from './generated/PlanIdentity';
import type { PlanOverview } from './generated/PlanOverview';
import type { RecentFile } from './generated/RecentFile';
import type { Realisasi } from './generated/Realisasi';
import type { Bukti } from './generated/Bukti';
import type { BuktiProgress } from './generated/BuktiProgress';
import type { ReportRequest } from './generated/ReportRequest';
import type { ReportFormat } from './generated/ReportFormat';
import type { PaketRequest } from './generated/PaketRequest';
import type { PaketProgress } from './generated/PaketProgress';
import type { PaketSummary } from './generated/PaketSummary';
import type { ImportView } from './generated/ImportView';
import type { ImportCounts } from './generated/ImportCounts';
import type { Mapping } from './generated/Mapping';
import type { Ringkasan } from './generated/Ringkasan';
import type { MergePreview } from './generated/MergePreview';
import type { MergeChoices } from './generated/MergeChoices';
import type { MergeResult } from './generated/MergeResult';
import type { MergeProgress } from './generated/MergeProgress';
import type { Lke } from './generated/Lke';
import type { BuktiButir } from './generated/BuktiButir';

export type { Edit, Edited, NewPlan, PlanIdentity, PlanOverview, RecentFile };
export type { Grid } from './generated/Grid';
export type { Anggota } from './generated/Anggota';
export type { Realisasi } from './generated/Realisasi';
export type { RealisasiInput } from './generated/RealisasiInput';
export type { Status } from './generated/Status';
export type { CellState } from './generated/CellState';
export type { Bukti } from './generated/Bukti';
export type { BuktiInput } from './generated/BuktiInput';
export type { BuktiProgress };
export type { Jenis } from './generated/Jenis';
export type { BerkasInfo } from './generated/BerkasInfo';
export type { ProgramSummary } from './generated/ProgramSummary';
export type { Template } from './generated/Template';
export type { ReadOnlyReason } from './generated/ReadOnlyReason';
export type { ReportRequest, ReportFormat, PaketRequest, PaketProgress, PaketSummary };
export type { ReportKind } from './generated/ReportKind';
export type { Kertas } from './generated/Kertas';
export type { CatatanTahunan } from './generated/CatatanTahunan';
export type { Bab } from './generated/Bab';
export type { BabKunci } from './generated/BabKunci';
export type { ImportView, ImportCounts, Mapping };
export type { Bulan } from './generated/Bulan';
export type { Preview } from './generated/Preview';
export type { GroupNode } from './generated/GroupNode';
export type { Ringkasan };
export type { Angka } from './generated/Angka';
export type { CapaianProgram } from './generated/CapaianProgram';
export type { CapaianBulan } from './generated/CapaianBulan';
export type { TahapanRingkas } from './generated/TahapanRingkas';
export type { BebanPenanggungJawab } from './generated/BebanPenanggungJawab';
export type { MergePreview, MergeChoices, MergeResult, MergeProgress };
export type { MergeConflict } from './generated/MergeConflict';
export type { MergeRecord } from './generated/MergeRecord';
export type { Change } from './generated/Change';
export type { ChangeGroup } from './generated/ChangeGroup';
export type { ChangeKind } from './generated/ChangeKind';
export type { Side } from './generated/Side';
export type { Lke, BuktiButir };
export type { LkeArea } from './generated/LkeArea';
export type { LkeIndikator } from './generated/LkeIndikator';
export type { LkeButir } from './generated/LkeButir';
export type { LkeTahapan } from './generated/LkeTahapan';
export type { Keadaan } from './generated/Keadaan';
export type { ButirInput } from './generated/ButirInput';
export type { Urut } from './generated/Urut';
export { BackendError } from './ipc';

/** Everything the screens need from the backend; tests pass a fake with the same shape. */
export interface Backend {
  startupPath(): Promise<string | null>;
  recentFiles(): Promise<RecentFile[]>;
  forgetRecent(path: string): Promise<RecentFile[]>;
  suggestNewPath(tahun: number): Promise<string>;
  choosePlanFile(): Promise<string | null>;
  chooseNewPath(suggested: string): Promise<string | null>;
  chooseCopyPath(): Promise<string | null>;
  createPlan(path: string, plan: NewPlan, replace: boolean): Promise<PlanOverview>;
  openPlan(path: string, readOnly: boolean): Promise<PlanOverview>;
  /** "Buka contoh": the example plan of this year, made the first time. */
  openContoh(): Promise<PlanOverview>;
  planOverview(): Promise<PlanOverview>;
  updateIdentity(identity: PlanIdentity): Promise<Edited>;
  saveCopy(dest: string): Promise<void>;
  closePlan(): Promise<void>;
  planScreen(): Promise<Edited>;
  /** Apply one edit; `onProgress`, when given, hears how far storing evidence files has got
   * (only edits that add files report). */
  editPlan(edit: Edit, onProgress?: (p: BuktiProgress) => void): Promise<Edited>;
  getRealisasi(tahapan: number, bulan: number): Promise<Realisasi | null>;
  buktiList(tahapan: number | null): Promise<Bukti[]>;
  chooseBuktiFiles(): Promise<string[]>;
  saveBuktiFile(id: number): Promise<string | null>;
  previewBuktiFile(id: number): Promise<ArrayBuffer>;
  openBuktiFile(id: number): Promise<void>;
  /** The report as PDF bytes, for the preview. */
  reportPreview(request: ReportRequest): Promise<ArrayBuffer>;
  reportFileName(request: ReportRequest, format: ReportFormat): Promise<string>;
  chooseReportPath(request: ReportRequest, format: ReportFormat): Promise<string | null>;
  writeReport(request: ReportRequest, format: ReportFormat, dest: string): Promise<void>;
  choosePaketPath(request: PaketRequest): Promise<string | null>;
  /** Write the evidence package; `onProgress` hears how far it got until it is done. */
  exportPaket(
    request: PaketRequest,
    dest: string,
    onProgress: (p: PaketProgress) => void,
  ): Promise<PaketSummary>;
  /** Show the folder holding `path` (a file the app wrote) in the file manager. */
  openFolder(path: string): Promise<void>;
  chooseLogoFile(): Promise<string | null>;
  /** The letterhead logo's bytes; empty when there is none. */
  logoImage(): Promise<ArrayBuffer>;
  /** "Impor dari Excel/CSV…": the table to import (null when cancelled). */
  chooseImportFile(): Promise<string | null>;
  /** Read a table and show it under the guessed mapping; the source stays in the shell. */
  importRead(path: string): Promise<ImportView>;
  importPasted(text: string): Promise<ImportView>;
  /** The table read last, as `sheet` under `mapping` (null: the sheet's guess). */
  importView(sheet: string, mapping: Mapping | null): Promise<ImportView>;
  /** Append to the open plan as one undo step. */
  importIntoPlan(sheet: string, mapping: Mapping): Promise<[Edited, ImportCounts]>;
  /** A new plan from the table read last, opened. */
  createImportedPlan(
    path: string,
    tahun: number,
    sheet: string,
    mapping: Mapping,
    replace: boolean,
  ): Promise<PlanOverview>;
  /** The import dialog closed: the shell lets go of the table. */
  importForget(): Promise<void>;
  /** The Ringkasan at the end of month `bulan` (1–12), or of today's month when null. */
  ringkasan(bulan: number | null): Promise<Ringkasan>;
  /** "Gabungkan dari berkas rekan…": the colleague's plan file (null when cancelled). */
  chooseMergeFile(): Promise<string | null>;
  /** Open a colleague's copy read-only and preview merging it; it stays in the shell. */
  mergeRead(path: string): Promise<MergePreview>;
  /** The preview of the copy read last under `choices`. */
  mergePreview(choices: MergeChoices): Promise<MergePreview>;
  /** Merge as one undo step; `onProgress` hears how far copying files has got. */
  mergeApply(
    choices: MergeChoices,
    onProgress: (p: MergeProgress) => void,
  ): Promise<[Edited, MergeResult]>;
  /** The merge dialog closed: the shell lets go of the colleague's copy. */
  mergeForget(): Promise<void>;
  /** The LKE view: area → indikator → butir with linked tahapan and evidence counts. */
  lke(): Promise<Lke>;
  /** The butir a piece of evidence answers, and whether it chose them itself. */
  buktiButir(id: number): Promise<BuktiButir>;
  /** A table of LKE butir to import (null when cancelled). */
  chooseLkeFile(): Promise<string | null>;
  /** Where to save the LKE package (null when cancelled). */
  chooseLkePath(): Promise<string | null>;
  /** Write the LKE package; `onProgress` hears how far it got until it is done. */
  exportLke(dest: string, onProgress: (p: PaketProgress) => void): Promise<PaketSummary>;
}

export const backend: Backend = {
  startupPath: () => call('startup_path'),
  recentFiles: () => call('recent_files'),
  forgetRecent: (path) => call('forget_recent', { path }),
  suggestNewPath: (tahun) => call('suggest_new_path', { tahun }),
  choosePlanFile: () => call('choose_plan_file'),
  chooseNewPath: (suggested) => call('choose_new_path', { suggested }),
  chooseCopyPath: () => call('choose_copy_path'),
  createPlan: (path, plan, replace) => call('create_plan', { path, new: plan, replace }),
  openPlan: (path, readOnly) => call('open_plan', { path, readOnly }),
  openContoh: () => call('open_contoh', {}),
  planOverview: () => call('plan_overview'),
  updateIdentity: (identity) => call('update_identity', { identity }),
  saveCopy: (dest) => call('save_copy', { dest }),
  closePlan: () => call('close_plan'),
  planScreen: () => call('plan_screen'),
  editPlan: async (edit, onProgress) => {
    if (!onProgress) return call('edit_plan', { edit });
    const stop = await onBuktiProgress(onProgress);
    try {
      return await call<Edited>('edit_plan', { edit });
    } finally {
      stop();
    }
  },
  getRealisasi: (tahapan, bulan) => call('get_realisasi', { tahapan, bulan }),
  buktiList: (tahapan) => call('bukti_list', { tahapan }),
  chooseBuktiFiles: () => call('choose_bukti_files'),
  saveBuktiFile: (id) => call('save_bukti_file', { id }),
  previewBuktiFile: (id) => call('preview_bukti_file', { id }),
  openBuktiFile: (id) => call('open_bukti_file', { id }),
  reportPreview: (request) => call('report_preview', { request }),
  reportFileName: (request, format) => call('report_file_name', { request, format }),
  chooseReportPath: (request, format) => call('choose_report_path', { request, format }),
  writeReport: (request, format, dest) => call('write_report', { request, format, dest }),
  choosePaketPath: (request) => call('choose_paket_path', { request }),
  exportPaket: async (request, dest, onProgress) => {
    const stop = await onPaketProgress(onProgress);
    try {
      return await call<PaketSummary>('export_paket', { request, dest });
    } finally {
      stop();
    }
  },
  openFolder: (path) => call('open_folder', { path }),
  chooseLogoFile: () => call('choose_logo_file'),
  logoImage: () => call('logo_image'),
  chooseImportFile: () => call('choose_import_file'),
  importRead: (path) => call('import_read', { path }),
  importPasted: (text) => call('import_pasted', { text }),
  importView: (sheet, mapping) => call('import_view', { sheet, mapping }),
  importIntoPlan: (sheet, mapping) => call('import_into_plan', { sheet, mapping }),
  createImportedPlan: (path, tahun, sheet, mapping, replace) =>
    call('create_imported_plan', { path, tahun, sheet, mapping, replace }),
  importForget: () => call('import_forget'),
  ringkasan: (bulan) => call('ringkasan', { bulan }),
  chooseMergeFile: () => call('choose_merge_file'),
  mergeRead: (path) => call('merge_read', { path }),
  mergePreview: (choices) => call('merge_preview', { choices }),
  mergeApply: async (choices, onProgress) => {
    const stop = await onMergeProgress(onProgress);
    try {
      return await call<[Edited, MergeResult]>('merge_apply', { choices });
    } finally {
      stop();
    }
  },
  lke: () => call('lke'),
  buktiButir: (id) => call('bukti_butir', { id }),
  chooseLkeFile: () => call('choose_lke_file'),
  chooseLkePath: () => call('choose_lke_path'),
  exportLke: async (dest, onProgress) => {
    const stop = await onLkeProgress(onProgress);
    try {
      return await call<PaketSummary>('export_lke', { dest });
    } finally {
      stop();
    }
  },
  mergeForget: () => call('merge_forget'),
};
