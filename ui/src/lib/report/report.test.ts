import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BabForm,
  CatatanForm,
  PREVIEW_DELAY_MS,
  ReportModel,
  defaultBulan,
  formatsOf,
  isoDate,
  simpanLabel,
  triwulanLabel,
  triwulanOf,
} from './report.svelte';
import { FakeBackend, badFile } from '../testing/fake-backend';
import { BackendError } from '../backend/ipc';

const MAY_2026 = new Date(2026, 4, 20);

describe('defaults', () => {
  it('starts on this month in the plan year, December after it, January before it', () => {
    expect(defaultBulan(2026, MAY_2026)).toBe(5);
    expect(defaultBulan(2025, MAY_2026)).toBe(12);
    expect(defaultBulan(2027, MAY_2026)).toBe(1);
    expect([1, 3, 4, 6, 7, 12].map(triwulanOf)).toEqual([1, 1, 2, 2, 3, 4]);
    expect(triwulanLabel(2)).toBe('Triwulan II (April – Juni)');
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('asks for a monthly report of the current month, signed today, on A4', () => {
    const model = new ReportModel(new FakeBackend(), 2025, MAY_2026);
    expect(model.request).toEqual({
      kind: 'bulanan',
      bulan: 12,
      triwulan: null,
      program: null,
      kertas: 'a4',
      tanggal: '2026-05-20',
      urut: 'program',
    });
    expect(model.triwulan).toBe(4);
    expect(model.format).toBe('pdf');
  });
});

describe('choices to request', () => {
  it('sends only the period the chosen report uses', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    model.pilihan = 'triwulan';
    model.program = 3;
    model.kertas = 'f4';
    expect(model.request).toMatchObject({ kind: 'triwulan', bulan: null, triwulan: 2 });
    model.pilihan = 'rencanaAksi';
    model.tanggal = '';
    expect(model.request).toEqual({
      kind: 'rencanaAksi',
      bulan: null,
      triwulan: null,
      program: 3,
      kertas: 'f4',
      tanggal: null,
      urut: 'program',
    });
  });

  it('orders only the Daftar Bukti Dukung by LKE butir when asked', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    model.urut = 'lke';
    model.pilihan = 'bulanan';
    expect(model.request.urut).toBe('program');
    model.pilihan = 'bukti';
    expect(model.request).toMatchObject({ kind: 'bukti', urut: 'lke' });
    model.pilihan = 'paket';
    expect(model.request.urut).toBe('program');
  });

  it('leaves the Rencana Aksi dated by its decree, whatever date is chosen', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    model.pilihan = 'rencanaAksi';
    expect(model.tanggal).toBe('2026-05-20');
    expect(model.request.tanggal).toBeNull();
    model.pilihan = 'bulanan';
    expect(model.request.tanggal).toBe('2026-05-20');
  });

  it('asks for the period the chosen report or package covers', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    const periods = (['rencanaAksi', 'bulanan', 'triwulan', 'tahunan', 'bukti'] as const).map(
      (p) => {
        model.pilihan = p;
        return model.period;
      },
    );
    expect(periods).toEqual([null, 'bulan', 'triwulan', null, null]);
    model.pilihan = 'paket';
    const scopes = (['tahun', 'bulan', 'triwulan'] as const).map((c) => {
      model.cakupan = c;
      return model.period;
    });
    expect(scopes).toEqual([null, 'bulan', 'triwulan']);
  });

  it('filters the package by the chosen scope', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    model.pilihan = 'paket';
    expect(model.paketRequest).toEqual({ bulan: null, triwulan: null, program: null });
    model.cakupan = 'bulan';
    model.program = 2;
    expect(model.paketRequest).toEqual({ bulan: 5, triwulan: null, program: 2 });
    model.cakupan = 'triwulan';
    expect(model.paketRequest).toEqual({ bulan: null, triwulan: 2, program: 2 });
  });

  it('changes the preview key with anything the preview shows, not with the package scope', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    const first = model.previewKey;
    model.triwulan = 3; // not used by a monthly report
    expect(model.previewKey).toBe(first);
    model.bulan = 6;
    expect(model.previewKey).not.toBe(first);
    model.pilihan = 'paket';
    const paket = model.previewKey;
    model.cakupan = 'bulan';
    expect(model.previewKey).toBe(paket);
  });
});

describe('preview', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits until the choices stop changing, then renders once', async () => {
    const backend = new FakeBackend();
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.schedulePreview();
    expect(model.previewing).toBe(true);
    model.bulan = 2;
    model.schedulePreview();
    model.bulan = 3;
    model.schedulePreview();
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 1);
    expect(backend.previews).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.previews.map((r) => r.bulan)).toEqual([3]);
    expect(model.previewing).toBe(false);
    expect(model.preview?.byteLength).toBe(4);
    expect(model.fileName).toBe('Laporan bulanan.pdf');
  });

  it('drops an answer that a newer choice overtook', async () => {
    const backend = new FakeBackend();
    let release: (b: ArrayBuffer) => void = () => {};
    const slow = new Promise<ArrayBuffer>((ok) => (release = ok));
    const fast = new Uint8Array([1, 2, 3]).buffer;
    let calls = 0;
    backend.reportPreview = (request) => {
      backend.previews.push(request);
      calls += 1;
      return calls === 1 ? slow : Promise.resolve(fast);
    };
    const model = new ReportModel(backend, 2026, MAY_2026);
    const old = model.refresh();
    model.bulan = 7;
    await model.refresh();
    release(new Uint8Array([9]).buffer);
    await old;
    expect(model.preview).toBe(fast);
    expect(model.previewing).toBe(false);
  });

  it('shows why a preview failed, and clears it when the next one works', async () => {
    const backend = new FakeBackend();
    backend.previewAnswer = new BackendError({
      kind: 'invalid',
      message: 'Pilih bulan laporan (Januari sampai Desember).',
      field: 'bulan',
    });
    const model = new ReportModel(backend, 2026, MAY_2026);
    await model.refresh();
    expect(model.previewError).toBe('Pilih bulan laporan (Januari sampai Desember).');
    expect(model.preview).toBeNull();
    backend.previewAnswer = new Uint8Array([37]).buffer;
    await model.refresh();
    expect(model.previewError).toBeNull();
  });

  it('shows no preview for the package, and forgets a pending one', async () => {
    const backend = new FakeBackend();
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.schedulePreview();
    model.pilihan = 'paket';
    model.schedulePreview();
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2);
    expect(backend.previews).toHaveLength(0);
    expect([model.previewing, model.preview]).toEqual([false, null]);
  });

  it('stops a pending preview when the page goes away', async () => {
    const backend = new FakeBackend();
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.schedulePreview();
    model.dispose();
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS * 2);
    expect(backend.previews).toHaveLength(0);
  });
});

describe('saving', () => {
  it('writes the report where the dialog says and offers its folder', async () => {
    const backend = new FakeBackend();
    backend.dialogAnswer = '/dok/Laporan Monev Bulanan Mei 2026.xlsx';
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.format = 'xlsx';
    await model.save();
    expect(backend.calls).toContain('chooseReportPath bulanan xlsx');
    expect(backend.written).toEqual([
      { request: model.request, format: 'xlsx', dest: '/dok/Laporan Monev Bulanan Mei 2026.xlsx' },
    ]);
    expect(model.saved?.text).toBe('Laporan disimpan: Laporan Monev Bulanan Mei 2026.xlsx');
    expect(model.saving).toBe(false);
    await model.openFolder();
    expect(backend.calls).toContain('openFolder /dok/Laporan Monev Bulanan Mei 2026.xlsx');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const backend = new FakeBackend();
    const model = new ReportModel(backend, 2026, MAY_2026);
    await model.save();
    expect(backend.written).toEqual([]);
    expect([model.saved, model.error]).toEqual([null, null]);
  });

  it('shows the core’s message when writing fails', async () => {
    const backend = new FakeBackend();
    backend.dialogAnswer = '/ro/laporan.pdf';
    backend.writeError = badFile('Berkas "laporan.pdf" tidak dapat ditulis.');
    const model = new ReportModel(backend, 2026, MAY_2026);
    await model.save();
    expect(model.error).toBe('Berkas "laporan.pdf" tidak dapat ditulis.');
    expect([model.saved, model.saving]).toEqual([null, false]);
  });

  it('follows the package’s progress to the end and sums up what it holds', async () => {
    const backend = new FakeBackend();
    backend.dialogAnswer = '/dok/Paket Bukti Dukung 2026.zip';
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.pilihan = 'paket';
    const seen: (number | null)[] = [];
    backend.paketSteps = [
      { done: 0, total: 400 },
      { done: 100, total: 400 },
      { done: 399, total: 400 },
    ];
    const original = backend.exportPaket.bind(backend);
    backend.exportPaket = (request, dest, onProgress) =>
      original(request, dest, (p) => {
        onProgress(p);
        seen.push(model.progress);
      });
    await model.exportPaket();
    expect(seen).toEqual([0, 25, 99]);
    expect(model.progress).toBe(100);
    expect(backend.calls).toContain(
      'choosePaketPath {"bulan":null,"triwulan":null,"program":null}',
    );
    expect(model.saved).toEqual({
      path: '/dok/Paket Bukti Dukung 2026.zip',
      text: 'Paket bukti dukung disimpan: Paket Bukti Dukung 2026.zip (2 bukti, 3 berkas, 400 B)',
    });
  });

  it('drops the progress bar when the package fails', async () => {
    const backend = new FakeBackend();
    backend.dialogAnswer = '/dok/paket.zip';
    backend.writeError = badFile('Belum ada bukti dukung untuk dimasukkan ke paket.');
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.pilihan = 'paket';
    await model.exportPaket();
    expect(model.progress).toBeNull();
    expect(model.error).toBe('Belum ada bukti dukung untuk dimasukkan ke paket.');
  });
});

describe('CatatanForm', () => {
  it('stores the notes only when they changed, and shows a refusal', async () => {
    const stored: unknown[] = [];
    let refuse: string | null = null;
    const form = new CatatanForm({ kesimpulan: 'a', rekomendasi: '' }, async (c) => {
      stored.push(c);
      return refuse;
    });
    await form.commit();
    expect(stored).toEqual([]);
    form.values.rekomendasi = 'Lanjutkan';
    await form.commit();
    expect(stored).toEqual([{ kesimpulan: 'a', rekomendasi: 'Lanjutkan' }]);
    await form.commit();
    expect(stored).toHaveLength(1);
    refuse = 'Kesimpulan terlalu panjang.';
    form.values.kesimpulan = 'x'.repeat(10);
    await form.commit();
    expect(form.error).toBe('Kesimpulan terlalu panjang.');
    refuse = null;
    await form.commit();
    expect(form.error).toBeNull();
    expect(stored).toHaveLength(3);
  });
});

describe('Ringkasan Capaian', () => {
  it('asks for the chosen month, as PDF only', async () => {
    const backend = new FakeBackend();
    const model = new ReportModel(backend, 2026, MAY_2026);
    model.pilihan = 'ringkasan';
    model.format = 'xlsx';
    expect(model.period).toBe('bulan');
    expect(model.formats.map((f) => f.value)).toEqual(['pdf']);
    expect(model.saveFormat).toBe('pdf');
    expect(model.request).toMatchObject({ kind: 'ringkasan', bulan: 5, triwulan: null });
    backend.dialogAnswer = '/dok/ringkasan.pdf';
    await model.save();
    expect(backend.calls).toContain('chooseReportPath ringkasan pdf');
  });
});

describe('Laporan Tahunan (dokumen lengkap)', () => {
  it('offers PDF and Word, and falls back to PDF from a format the report lacks', () => {
    const model = new ReportModel(new FakeBackend(), 2026, MAY_2026);
    model.format = 'xlsx';
    model.choose('laporanTahunan');
    expect(model.format).toBe('pdf');
    expect(model.formats.map((f) => f.value)).toEqual(['pdf', 'docx']);
    model.format = 'docx';
    expect(simpanLabel(model.format)).toBe('Simpan Word…');
    model.choose('bulanan');
    expect(model.format).toBe('pdf');
    expect(formatsOf('bulanan').map((f) => f.value)).toEqual(['pdf', 'xlsx']);
    model.choose('laporanTahunan');
    expect(model.request.kind).toBe('laporanTahunan');
  });

  it('stores a chapter only when it changed and keeps a refusal in the field', async () => {
    const saved: string[] = [];
    let refuse = false;
    const form = new BabForm('Lama', async (teks) => {
      if (refuse) return 'BAB I Pendahuluan terlalu panjang.';
      saved.push(teks);
      return null;
    });
    await form.commit();
    expect(saved).toEqual([]);
    form.teks = 'Paragraf baru.\n- butir';
    await form.commit();
    expect(saved).toEqual(['Paragraf baru.\n- butir']);
    refuse = true;
    form.teks = 'x';
    await form.commit();
    expect(form.error).toBe('BAB I Pendahuluan terlalu panjang.');
    expect(form.teks).toBe('x');
  });
});
