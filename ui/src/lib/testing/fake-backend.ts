// A backend for unit tests: records calls, answers from fixtures, fails on demand.
import type {
  Backend,
  Bukti,
  BuktiProgress,
  Edit,
  Edited,
  PaketProgress,
  PaketRequest,
  PaketSummary,
  PlanIdentity,
  PlanOverview,
  RecentFile,
  ReportFormat,
  ReportRequest,
  ImportView,
  Mapping,
  Ringkasan,
  MergeChoices,
  MergePreview,
  MergeProgress,
  MergeResult,
  Lke,
  LkeButir,
  LkeTahapan,
} from '../backend/commands';
import { BackendError } from '../backend/ipc';

export function identity(over: Partial<PlanIdentity> = {}): PlanIdentity {
  return {
    pemerintah_daerah: 'Pemerintah Kabupaten Kutai Kartanegara',
    instansi: 'Dinas Perkebunan',
    unit_kerja: 'Sekretariat',
    alamat: '',
    telepon: '',
    email: '',
    laman: '',
    kode_pos: '',
    tahun: 2026,
    nomor_keputusan: '',
    tanggal_keputusan: '',
    tempat_penetapan: '',
    kepala_nama: '',
    kepala_nip: '',
    kepala_pangkat: '',
    ketua_nama: '',
    ketua_nip: '',
    ketua_pangkat: '',
    ...over,
  };
}

export function overview(path: string, over: Partial<PlanOverview> = {}): PlanOverview {
  return {
    path,
    file_name: path.split('/').pop() ?? path,
    read_only: null,
    upgrade: null,
    recovery: null,
    schema_version: 2,
    identity: identity(),
    programs: [],
    totals: { programs: 0, outcomes: 0, kegiatan: 0, outputs: 0, tahapan: 0, anggota: 0 },
    ada_logo: false,
    catatan_tahunan: { kesimpulan: '', rekomendasi: '' },
    merges: [],
    bab: { pendahuluan: '', gambaran_umum: '', agenda: '', manajemen: '' },
    ...over,
  };
}

/** A preview of merging "Rencana Pokja.renjarb": one tahapan renamed, one realisasi and one
 * file added, and one conflict on a tahapan's uraian (settled as `choices` say). */
export function mergePreview(
  choices: MergeChoices,
  over: Partial<MergePreview> = {},
): MergePreview {
  const chosen = new Map(choices.per_conflict);
  const side = chosen.get('t-1') ?? choices.prefer;
  return {
    source: {
      file_name: 'Rencana Pokja.renjarb',
      plan_uuid: '0b5f2c1e-0000-4000-8000-000000000001',
      modified_at: '2026-03-10T08:00:00.000Z',
      instansi: 'Dinas Perkebunan',
      unit_kerja: 'Sekretariat',
      tahun: 2026,
    },
    other_plan: false,
    groups: [
      {
        judul: 'Program: Manajemen Perubahan',
        changes: [
          {
            kind: 'changed',
            what: 'Tahapan',
            nama: 'Menyusun rencana kerja',
            fields: [{ label: 'Kriteria keberhasilan', before: '', after: 'Dokumen disahkan' }],
            size: null,
            already_present: false,
          },
          {
            kind: 'added',
            what: 'Berkas bukti dukung',
            nama: 'Notulen rapat.pdf',
            fields: [],
            size: 48213,
            already_present: false,
          },
        ],
      },
    ],
    conflicts: [
      {
        id: 't-1',
        group: 'Program: Manajemen Perubahan',
        what: 'Tahapan',
        nama: 'Menyusun rencana kerja',
        reason: 'Diubah di kedua salinan dengan isi yang berbeda.',
        fields: [{ label: 'Uraian', ours: 'Versi sekretariat', theirs: 'Versi Pokja' }],
        ours_at: '2026-03-09T08:00:00.000Z',
        theirs_at: '2026-03-10T08:00:00.000Z',
        chosen: side ?? null,
      },
    ],
    changes: 3,
    open_conflicts: side ? 0 : 1,
    new_files: 1,
    new_bytes: 48213,
    ...over,
  };
}

export function mapping(over: Partial<Mapping> = {}): Mapping {
  return {
    header_row: 3,
    header_rows: 2,
    program: 0,
    outcome: null,
    kegiatan: 1,
    output: null,
    tahapan: 2,
    kriteria: 3,
    penanggung_jawab: 4,
    bulan: { kind: 'columns', columns: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] },
    hapus_penomoran: false,
    ...over,
  };
}

/** What the shell shows of a two-sheet workbook under `m`: the tree follows the mapping
 * (a level mapped to "tidak ada" is generated, the tahapan column names the tahapan). */
export function importView(sheet: string, m: Mapping): ImportView {
  const tahapanName = m.tahapan === 2 ? '1. Menyusun SK Tim' : 'SK Tim ditetapkan';
  const name = (n: string) => (m.hapus_penomoran ? n.replace(/^\d+\.\s*/, '') : n);
  return {
    nama: 'rencana.xlsx',
    sheets: ['Rencana Aksi', 'Catatan'],
    columns: ['A · Program', 'B · Kegiatan', 'C · Tahapan', 'D · Kriteria', 'E · PJ'],
    guessed_bulan: { kind: 'columns', columns: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] },
    preview: {
      sheet,
      mapping: m,
      counts: {
        programs: 1,
        outcomes: 1,
        kegiatan: 1,
        outputs: 1,
        tahapan: 2,
        scheduled_tahapan: m.bulan.kind === 'none' ? 0 : 2,
        skipped_rows: 1,
      },
      tree: {
        programs: [
          {
            nama: 'Manajemen Perubahan',
            row: 5,
            generated: m.program === null,
            children: [
              {
                nama: 'Manajemen Perubahan',
                row: 5,
                generated: true,
                children: [
                  {
                    nama: 'Pembentukan tim',
                    row: 5,
                    generated: m.kegiatan === null,
                    children: [
                      {
                        nama: 'Pembentukan tim',
                        row: 5,
                        generated: true,
                        children: [],
                        tahapan: [
                          {
                            nama: name(tahapanName),
                            row: 5,
                            bulan: m.bulan.kind === 'none' ? [] : [1, 2],
                            kriteria: 'SK',
                            penanggung_jawab: 'Sekretariat',
                          },
                          {
                            nama: name('2. Rapat tim'),
                            row: 6,
                            bulan: m.bulan.kind === 'none' ? [] : [3],
                            kriteria: 'Notulen',
                            penanggung_jawab: 'Sekretariat',
                          },
                        ],
                      },
                    ],
                    tahapan: [],
                  },
                ],
                tahapan: [],
              },
            ],
            tahapan: [],
          },
        ],
      },
      skipped: [{ row: 8, reason: 'Bulan "Jan??" tidak dapat dibaca.' }],
      tahun: 2025,
    },
  };
}

/** A bukti dukung of tahapan `tahapan`, titled "Bukti <id>", with no files. */
export function bukti(id: number, tahapan: number, over: Partial<Bukti> = {}): Bukti {
  return {
    id,
    uuid: `u${id}`,
    tahapan,
    judul: `Bukti ${id}`,
    jenis: 'laporan',
    nomor: '',
    tanggal: '',
    keterangan: '',
    bulan: [1],
    berkas: [],
    created_at: '',
    modified_at: '',
    ...over,
  };
}

export function badFile(message: string): BackendError {
  return new BackendError({ kind: 'badFile', message, field: null });
}

/** A Ringkasan of month `bulan` of 2026: two programs, one late tahapan, one done without
 * evidence, one due next month. */
export function ringkasan(bulan: number, over: Partial<Ringkasan> = {}): Ringkasan {
  const angka = (selesai: number, target: number) => ({
    selesai,
    target,
    persen: target ? `${((selesai * 100) / target).toFixed(1).replace('.', ',')}%` : '–',
  });
  const item = (id: number, nama: string, bulan: string) => ({
    id,
    program: 1,
    kegiatan: 'Kegiatan satu',
    nama,
    penanggung_jawab: 'Pokja Manajemen Perubahan',
    bulan,
  });
  return {
    tahun: 2026,
    bulan,
    periode: `Bulan ${bulan} 2026`,
    sampai: `s.d. bulan ${bulan} 2026`,
    program: [
      {
        id: 11,
        nomor: 1,
        nama: 'Manajemen Perubahan',
        tahapan: 3,
        bulan: angka(1, 2),
        kumulatif: angka(3, 4),
        tahunan: angka(3, 8),
      },
      {
        id: 12,
        nomor: 2,
        nama: 'Penataan Tata Laksana',
        tahapan: 1,
        bulan: angka(0, 0),
        kumulatif: angka(0, 0),
        tahunan: angka(0, 2),
      },
    ],
    jumlah: {
      id: 0,
      nomor: 0,
      nama: 'Seluruh rencana',
      tahapan: 4,
      bulan: angka(1, 2),
      kumulatif: angka(3, 4),
      tahunan: angka(3, 10),
    },
    per_bulan: Array.from({ length: 12 }, (_, i) => ({
      bulan: i + 1,
      nama: `B${i + 1}`,
      target: i < 4 ? 1 : 0,
      selesai: i < 3 ? 1 : 0,
    })),
    terlambat: [item(101, 'Menyusun SK Tim', 'Feb')],
    tanpa_bukti: [item(102, 'Rapat koordinasi', 'Jan')],
    bulan_depan: [item(103, 'Sosialisasi', 'Apr–Mei')],
    bulan_depan_nama: bulan < 12 ? `Bulan ${bulan + 1} 2026` : '',
    penanggung_jawab: [
      {
        nama: 'Pokja Manajemen Perubahan',
        tahapan: 3,
        terlambat: 1,
        belum: 1,
        kumulatif: angka(3, 4),
      },
    ],
    keterangan_hitung: 'Target dihitung per bulan terjadwal.',
    ...over,
  };
}

export function lkeTahapan(id: number, over: Partial<LkeTahapan> = {}): LkeTahapan {
  return {
    id,
    nomor: `1.1.${id}`,
    nama: `Tahapan ${id}`,
    program: '1. Manajemen Perubahan',
    keadaan: 'dijadwalkan',
    bukti: 0,
    ...over,
  };
}

export function lkeButir(id: number, nomor: string, over: Partial<LkeButir> = {}): LkeButir {
  return {
    id,
    nomor,
    area: 'Manajemen Perubahan',
    indikator: 'Tim Reformasi birokrasi',
    butir: `Butir ${nomor}`,
    tahapan: [],
    bukti: 0,
    ...over,
  };
}

/** Two areas: 1.a with butir 1.a.1 (linked to tahapan 1, 2 bukti) and 1.a.2 (nothing), 2.a
 * with 2.a.1 (nothing); tahapan 1–3. */
export function lke(): Lke {
  return {
    areas: [
      {
        nomor: 1,
        nama: 'Manajemen Perubahan',
        indikator: [
          {
            nomor: '1.a',
            nama: 'Tim Reformasi birokrasi',
            butir: [
              lkeButir(11, '1.a.1', { tahapan: [1], bukti: 2 }),
              lkeButir(12, '1.a.2', { butir: 'Tim RB melakukan monev' }),
            ],
          },
        ],
        jumlah_butir: 2,
        tanpa_bukti: 1,
      },
      {
        nomor: 2,
        nama: 'Deregulasi Kebijakan',
        indikator: [
          {
            nomor: '2.a',
            nama: 'harmonisasi',
            butir: [
              lkeButir(21, '2.a.1', { area: 'Deregulasi Kebijakan', indikator: 'harmonisasi' }),
            ],
          },
        ],
        jumlah_butir: 1,
        tanpa_bukti: 1,
      },
    ],
    jumlah_butir: 3,
    tanpa_bukti: 2,
    tahapan: [
      lkeTahapan(1, { keadaan: 'selesai', bukti: 2 }),
      lkeTahapan(2, { nama: 'Sosialisasi rencana kerja', keadaan: 'terlambat' }),
      lkeTahapan(3, { nomor: '2.1.1', program: '2. Deregulasi', nama: 'Reviu peraturan' }),
    ],
  };
}

export class FakeBackend implements Backend {
  calls: string[] = [];
  recent: RecentFile[] = [];
  startup: string | null = null;
  files = new Map<string, PlanOverview | BackendError>();
  /** Plans open for editing elsewhere: only read-only opening succeeds. */
  locked = new Set<string>();
  dialogAnswer: string | null = null;
  stored: PlanIdentity = identity();

  private log(call: string): void {
    this.calls.push(call);
  }

  async startupPath() {
    this.log('startupPath');
    const p = this.startup;
    this.startup = null;
    return p;
  }
  async recentFiles() {
    this.log('recentFiles');
    return this.recent;
  }
  async forgetRecent(path: string) {
    this.log(`forgetRecent ${path}`);
    this.recent = this.recent.filter((f) => f.path !== path);
    return this.recent;
  }
  async suggestNewPath(tahun: number) {
    this.log(`suggestNewPath ${tahun}`);
    return `/dok/Renja RB/Renja RB ${tahun}.renjarb`;
  }
  async choosePlanFile() {
    this.log('choosePlanFile');
    return this.dialogAnswer;
  }
  async chooseNewPath(suggested: string) {
    this.log(`chooseNewPath ${suggested}`);
    return this.dialogAnswer;
  }
  async chooseCopyPath() {
    this.log('chooseCopyPath');
    return this.dialogAnswer;
  }
  async createPlan(path: string, plan: { tahun: number }, replace: boolean) {
    this.log(`createPlan ${path} ${plan.tahun} ${replace}`);
    this.current = overview(path, { identity: identity({ tahun: plan.tahun }) });
    return this.current;
  }
  async openPlan(path: string, readOnly: boolean) {
    this.log(`openPlan ${path} ${readOnly}`);
    const answer = this.files.get(path);
    if (!answer) throw new BackendError({ kind: 'notFound', message: 'tidak ada', field: null });
    if (answer instanceof BackendError) throw answer;
    if (this.locked.has(path) && !readOnly) {
      throw new BackendError({
        kind: 'locked',
        message: `Berkas "${path}" sedang dibuka untuk diedit oleh rina di komputer PC-1.`,
        field: null,
      });
    }
    this.current = { ...answer, read_only: readOnly ? ('chosen' as const) : null };
    return this.current;
  }
  async openContoh() {
    this.log('openContoh');
    const path = '/Dokumen/Renja RB/Contoh Renja RB 2026.renjarb';
    this.current = overview(path, {
      identity: identity({ tahun: 2026, instansi: 'Dinas Perkebunan (CONTOH)' }),
    });
    return this.current;
  }
  async planOverview() {
    return overview('/x.renjarb');
  }
  async updateIdentity(id: PlanIdentity) {
    this.log(`updateIdentity`);
    if (id.kepala_nip && id.kepala_nip.replace(/\s/g, '').length !== 18) {
      throw new BackendError({
        kind: 'invalid',
        message: 'NIP harus terdiri dari 18 angka.',
        field: 'kepala_nip',
      });
    }
    this.stored = {
      ...id,
      kepala_nip: id.kepala_nip.replace(/\s/g, ''),
      instansi: id.instansi.trim(),
    };
    return { ...this.screen(null), overview: overview('/x.renjarb', { identity: this.stored }) };
  }
  async saveCopy(dest: string) {
    this.log(`saveCopy ${dest}`);
  }
  async closePlan() {
    this.log('closePlan');
  }
  edits: Edit[] = [];
  current: PlanOverview | null = null;
  async planScreen(): Promise<Edited> {
    this.log('planScreen');
    return this.screen(null);
  }
  /** Thrown by the next `editPlan`, once (after the progress it reports). */
  editError: BackendError | null = null;
  /** The progress an edit that adds files reports before it finishes, as the shell would. */
  buktiSteps: BuktiProgress[] = [
    { done: 0, total: 300 },
    { done: 150, total: 300 },
    { done: 300, total: 300 },
  ];
  async editPlan(edit: Edit, onProgress?: (p: BuktiProgress) => void): Promise<Edited> {
    this.log(`editPlan ${edit.type}`);
    if (edit.type === 'addBukti' || edit.type === 'addBuktiFiles') {
      for (const p of this.buktiSteps) {
        onProgress?.(p);
        await Promise.resolve();
      }
    }
    const refused = this.editError;
    this.editError = null;
    if (refused) throw refused;
    this.edits.push(edit);
    const created =
      edit.type === 'addNode'
        ? 99
        : edit.type === 'importLke' || edit.type === 'addLkeBawaan'
          ? 3
          : null;
    return this.screen(created);
  }
  realisasi = new Map<string, import('../backend/commands').Realisasi>();
  async getRealisasi(tahapan: number, bulan: number) {
    this.log(`getRealisasi ${tahapan} ${bulan}`);
    return this.realisasi.get(`${tahapan}:${bulan}`) ?? null;
  }
  bukti: import('../backend/commands').Bukti[] = [];
  chosenFiles: string[] = [];
  /** Thrown by the next bukti call (list, choose, save, open), once. */
  buktiError: BackendError | null = null;
  private buktiRefusal(): void {
    const refused = this.buktiError;
    this.buktiError = null;
    if (refused) throw refused;
  }
  async buktiList(tahapan: number | null) {
    this.log(`buktiList ${tahapan}`);
    this.buktiRefusal();
    return this.bukti.filter((b) => tahapan === null || b.tahapan === tahapan);
  }
  async chooseBuktiFiles() {
    this.log('chooseBuktiFiles');
    this.buktiRefusal();
    return this.chosenFiles;
  }
  async saveBuktiFile(id: number) {
    this.log(`saveBuktiFile ${id}`);
    this.buktiRefusal();
    return this.dialogAnswer;
  }
  async previewBuktiFile(id: number) {
    this.log(`previewBuktiFile ${id}`);
    return new ArrayBuffer(0);
  }
  async openBuktiFile(id: number) {
    this.log(`openBuktiFile ${id}`);
    this.buktiRefusal();
  }
  /** What `reportPreview` answers (or throws); every request asked for is kept. */
  previewAnswer: ArrayBuffer | BackendError = new Uint8Array([37, 80, 68, 70]).buffer;
  previews: ReportRequest[] = [];
  async reportPreview(request: ReportRequest) {
    this.log(`reportPreview ${request.kind}`);
    this.previews.push(request);
    if (this.previewAnswer instanceof BackendError) throw this.previewAnswer;
    return this.previewAnswer;
  }
  async reportFileName(request: ReportRequest, format: ReportFormat) {
    return `Laporan ${request.kind}.${format}`;
  }
  async chooseReportPath(request: ReportRequest, format: ReportFormat) {
    this.log(`chooseReportPath ${request.kind} ${format}`);
    return this.dialogAnswer;
  }
  /** Thrown by `writeReport` and `exportPaket` when set. */
  writeError: BackendError | null = null;
  written: { request: ReportRequest | PaketRequest; format: ReportFormat | 'zip'; dest: string }[] =
    [];
  async writeReport(request: ReportRequest, format: ReportFormat, dest: string) {
    this.log(`writeReport ${request.kind} ${format} ${dest}`);
    if (this.writeError) throw this.writeError;
    this.written.push({ request, format, dest });
  }
  async choosePaketPath(request: PaketRequest) {
    this.log(`choosePaketPath ${JSON.stringify(request)}`);
    return this.dialogAnswer;
  }
  /** The progress `exportPaket` reports before it finishes. */
  paketSteps: PaketProgress[] = [
    { done: 0, total: 400 },
    { done: 100, total: 400 },
    { done: 400, total: 400 },
  ];
  async exportPaket(
    request: PaketRequest,
    dest: string,
    onProgress: (p: PaketProgress) => void,
  ): Promise<PaketSummary> {
    this.log(`exportPaket ${dest}`);
    for (const p of this.paketSteps) {
      onProgress(p);
      await Promise.resolve();
    }
    if (this.writeError) throw this.writeError;
    this.written.push({ request, format: 'zip', dest });
    return { path: dest, bukti: 2, berkas: 3, bytes: 400 };
  }
  async openFolder(path: string) {
    this.log(`openFolder ${path}`);
  }
  async chooseLogoFile() {
    this.log('chooseLogoFile');
    return this.dialogAnswer;
  }
  logo: ArrayBuffer = new ArrayBuffer(0);
  async logoImage() {
    this.log('logoImage');
    return this.logo;
  }
  /** What `chooseImportFile` answers. */
  importFile: string | null = null;
  /** Thrown by the next import call, once. */
  importError: BackendError | null = null;
  private importRefusal(): void {
    const refused = this.importError;
    this.importError = null;
    if (refused) throw refused;
  }
  async chooseImportFile() {
    this.log('chooseImportFile');
    return this.importFile;
  }
  async importRead(path: string) {
    this.log(`importRead ${path}`);
    this.importRefusal();
    return importView('Rencana Aksi', mapping());
  }
  async importPasted(text: string) {
    this.log(`importPasted ${text.length}`);
    this.importRefusal();
    return importView('tabel tempelan', mapping({ header_row: 1, header_rows: 1 }));
  }
  /** Every mapping `importView` was asked for. */
  viewed: (Mapping | null)[] = [];
  async importView(sheet: string, m: Mapping | null) {
    this.log(`importView ${sheet}`);
    this.viewed.push(m);
    this.importRefusal();
    return importView(sheet, m ?? mapping());
  }
  imported: { sheet: string; mapping: Mapping }[] = [];
  async importIntoPlan(
    sheet: string,
    m: Mapping,
  ): Promise<[Edited, import('../backend/commands').ImportCounts]> {
    this.log(`importIntoPlan ${sheet}`);
    this.importRefusal();
    this.imported.push({ sheet, mapping: m });
    this.edits.push({ type: 'undo' });
    return [this.screen(null), importView(sheet, m).preview.counts];
  }
  async createImportedPlan(
    path: string,
    tahun: number,
    sheet: string,
    m: Mapping,
    replace: boolean,
  ) {
    this.log(`createImportedPlan ${path} ${tahun} ${sheet} ${replace}`);
    this.importRefusal();
    this.imported.push({ sheet, mapping: m });
    this.current = overview(path, { identity: identity({ tahun }) });
    return this.current;
  }
  async importForget() {
    this.log('importForget');
  }
  /** What `ringkasan` answers (or throws); null answers the fixture of the month asked. */
  ringkasanAnswer: Ringkasan | BackendError | null = null;
  async ringkasan(bulan: number | null) {
    this.log(`ringkasan ${bulan}`);
    if (this.ringkasanAnswer instanceof BackendError) throw this.ringkasanAnswer;
    return this.ringkasanAnswer ?? ringkasan(bulan ?? 3);
  }
  /** What `chooseMergeFile` answers. */
  mergeFile: string | null = '/home/pokja/Unduhan/Rencana Pokja.renjarb';
  /** A refusal `mergeRead` / `mergeApply` throw, when set. */
  mergeRefusal: BackendError | null = null;
  /** The colleague's copy is of another plan until `same_plan` is chosen. */
  mergeOtherPlan = false;
  mergeChoicesSeen: MergeChoices[] = [];
  merged: MergeChoices[] = [];
  private mergePreviewFor(choices: MergeChoices): MergePreview {
    if (this.mergeOtherPlan && !choices.same_plan)
      return mergePreview(choices, { other_plan: true, groups: [], conflicts: [], changes: 0 });
    return mergePreview(choices);
  }
  async chooseMergeFile() {
    this.log('chooseMergeFile');
    return this.mergeFile;
  }
  async mergeRead(path: string) {
    this.log(`mergeRead ${path}`);
    if (this.mergeRefusal) throw this.mergeRefusal;
    return this.mergePreviewFor({ same_plan: false, prefer: null, per_conflict: [] });
  }
  async mergePreview(choices: MergeChoices) {
    this.log('mergePreview');
    this.mergeChoicesSeen.push(choices);
    return this.mergePreviewFor(choices);
  }
  async mergeApply(
    choices: MergeChoices,
    onProgress: (p: MergeProgress) => void,
  ): Promise<[Edited, MergeResult]> {
    this.log('mergeApply');
    if (this.mergeRefusal) throw this.mergeRefusal;
    onProgress({ done: 24000, total: 48213 });
    onProgress({ done: 48213, total: 48213 });
    this.merged.push(choices);
    this.edits.push({ type: 'undo' });
    return [this.screen(null), { changes: 3, conflicts: 1, files_copied: 1, bytes_copied: 48213 }];
  }
  async mergeForget() {
    this.log('mergeForget');
  }
  /** What `lke` answers (or throws). */
  lkeAnswer: Lke | BackendError = lke();
  async lke() {
    this.log('lke');
    if (this.lkeAnswer instanceof BackendError) throw this.lkeAnswer;
    return this.lkeAnswer;
  }
  /** What `buktiButir` answers per bukti; a bukti not here follows its tahapan. */
  buktiButirAnswer = new Map<number, import('../backend/commands').BuktiButir>();
  async buktiButir(id: number) {
    this.log(`buktiButir ${id}`);
    return this.buktiButirAnswer.get(id) ?? { butir: [], own: false };
  }
  async chooseLkeFile() {
    this.log('chooseLkeFile');
    return this.dialogAnswer;
  }
  async chooseLkePath() {
    this.log('chooseLkePath');
    return this.dialogAnswer;
  }
  async exportLke(dest: string, onProgress: (p: PaketProgress) => void): Promise<PaketSummary> {
    this.log(`exportLke ${dest}`);
    for (const p of this.paketSteps) {
      onProgress(p);
      await Promise.resolve();
    }
    if (this.writeError) throw this.writeError;
    return { path: dest, bukti: 2, berkas: 3, bytes: 400 };
  }
  screen(created: number | null): Edited {
    return {
      overview: this.current ?? overview('/x.renjarb', { identity: this.stored }),
      grid: {
        tahun: 2026,
        rows: [],
        pokja: [],
        undo: { undo: this.edits.length ? 'Ubah jadwal bulan' : null, redo: null },
      },
      team: [],
      created,
    };
  }
}
