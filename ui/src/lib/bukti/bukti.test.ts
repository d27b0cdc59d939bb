import { describe, expect, it, vi } from 'vitest';
import { AppModel } from '../app/app.svelte';
import type { Bukti, BuktiProgress, Edit, Edited } from '../backend/commands';
import { BackendError } from '../backend/ipc';
import { FakeBackend, bukti } from '../testing/fake-backend';
import { BuktiForm, BuktiListModel, BuktiPanelModel, inputOf, persen } from './bukti.svelte';

const refusal = (message: string) => new BackendError({ kind: 'other', message, field: null });

function setup() {
  const backend = new FakeBackend();
  backend.bukti = [bukti(1, 10), bukti(2, 20), bukti(3, 10)];
  return { backend, app: new AppModel(backend) };
}

describe('BuktiPanelModel', () => {
  it("shows the chosen tahapan's bukti, and none without a tahapan", async () => {
    const { backend, app } = setup();
    const panel = new BuktiPanelModel(app);
    await panel.load(10);
    expect(panel.list.map((b) => b.id)).toEqual([1, 3]);
    await panel.load(null);
    expect(panel.list).toEqual([]);
    expect(backend.calls).toEqual(['buktiList 10']);
  });

  it('keeps the answer for the tahapan chosen last when answers cross', async () => {
    const { backend, app } = setup();
    const panel = new BuktiPanelModel(app);
    let answerFirst: (list: Bukti[]) => void = () => {};
    const real = backend.buktiList.bind(backend);
    backend.buktiList = (t) =>
      t === 10 ? new Promise((resolve) => (answerFirst = resolve)) : real(t);
    const first = panel.load(10);
    await panel.load(20);
    answerFirst([bukti(1, 10)]);
    await first;
    expect(panel.list.map((b) => b.id)).toEqual([2]);
  });

  it('shows a refused load as the app error', async () => {
    const { backend, app } = setup();
    backend.buktiError = refusal('Rencana tidak dapat dibaca.');
    await new BuktiPanelModel(app).load(10);
    expect(app.error).toBe('Rencana tidak dapat dibaca.');
  });

  it('says where a file was saved, and nothing when the dialog was cancelled', async () => {
    const { backend, app } = setup();
    const panel = new BuktiPanelModel(app);
    backend.dialogAnswer = '/dok/sk.pdf';
    await panel.saveFile(5);
    expect(panel.saved).toBe('Berkas disimpan di /dok/sk.pdf');
    backend.dialogAnswer = null;
    await panel.saveFile(5);
    expect(panel.saved).toBeNull();
    backend.buktiError = refusal('Tidak dapat menulis.');
    await panel.saveFile(5);
    expect([panel.saved, app.error]).toEqual([null, 'Tidak dapat menulis.']);
  });

  it('opens a file elsewhere, showing a refusal', async () => {
    const { backend, app } = setup();
    const panel = new BuktiPanelModel(app);
    await panel.openFile(6);
    expect(app.error).toBeNull();
    backend.buktiError = refusal('Tidak ada aplikasi untuk berkas ini.');
    await panel.openFile(6);
    expect(app.error).toBe('Tidak ada aplikasi untuk berkas ini.');
    expect(backend.calls).toEqual(['openBuktiFile 6', 'openBuktiFile 6']);
  });

  it('deletes a bukti as a plan edit', async () => {
    const { backend, app } = setup();
    await new BuktiPanelModel(app).remove(bukti(3, 10));
    expect(backend.edits).toEqual([{ type: 'deleteBukti', id: 3 }]);
  });
});

describe('BuktiForm', () => {
  it('starts blank with the month it was given, and cannot be saved without a title', () => {
    const { app } = setup();
    const form = new BuktiForm(app, 10, 1 << 3);
    expect(form.values).toEqual({
      judul: '',
      jenis: 'laporan',
      nomor: '',
      tanggal: '',
      keterangan: '',
      bulan: 1 << 3,
    });
    expect(form.canSave).toBe(false);
    form.values.judul = '   ';
    expect(form.canSave).toBe(false);
    form.values.judul = 'SK Tim';
    expect(form.canSave).toBe(true);
  });

  it('adds a bukti with its files in one edit', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    form.values.judul = 'Notulen rapat';
    form.toggleMonth(1);
    form.toggleMonth(0);
    backend.chosenFiles = ['/a/notulen.pdf', '/a/foto.jpg'];
    await form.choose();
    form.addFiles(['/a/foto.jpg', '/b/daftar.pdf', '/b/daftar.pdf']);
    form.removeFile('/a/notulen.pdf');
    expect(await form.submit()).toBe(true);
    expect(backend.edits).toEqual([
      {
        type: 'addBukti',
        tahapan: 10,
        bukti: {
          judul: 'Notulen rapat',
          jenis: 'laporan',
          nomor: '',
          tanggal: '',
          keterangan: '',
          bulan: 0b10,
        },
        files: ['/a/foto.jpg', '/b/daftar.pdf'],
      },
    ]);
  });

  it('keeps the form open when the core refuses it', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    form.values.judul = 'x';
    backend.editError = refusal('Berkas tidak ditemukan.');
    expect(await form.submit()).toBe(false);
    expect(app.error).toBe('Berkas tidak ditemukan.');
  });

  it('changes a bukti, then attaches new files as a second step', async () => {
    const { backend, app } = setup();
    const b = bukti(3, 10, { jenis: 'sk', bulan: [2, 12], judul: 'SK' });
    const form = new BuktiForm(app, 10, 1, b);
    expect(form.values).toEqual(inputOf(b));
    expect(form.values.bulan).toBe((1 << 1) | (1 << 11));
    form.values.nomor = '800/1';
    expect(await form.submit()).toBe(true);
    form.addFiles(['/a/lampiran.pdf']);
    expect(await form.submit()).toBe(true);
    expect(backend.edits.map((e) => e.type)).toEqual([
      'updateBukti',
      'updateBukti',
      'addBuktiFiles',
    ]);
    expect(backend.edits[2]).toEqual({ type: 'addBuktiFiles', id: 3, files: ['/a/lampiran.pdf'] });
  });

  it('attaches no file when the change itself is refused', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1, bukti(3, 10));
    form.addFiles(['/a/lampiran.pdf']);
    backend.editError = refusal('Judul tidak boleh kosong.');
    expect(await form.submit()).toBe(false);
    expect(backend.edits).toEqual([]);
  });

  it('lets the user drop files when the file dialog cannot be shown', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    backend.buktiError = refusal('Dialog tidak dapat dibuka.');
    await form.choose();
    expect([form.files, app.error]).toEqual([[], null]);
  });
});

describe('progress while files are stored', () => {
  it('counts whole percents and is full only at the end', () => {
    const p = (done: number, total: number): BuktiProgress => ({ done, total });
    expect([p(0, 300), p(1, 3), p(150, 300), p(299, 300), p(300, 300)].map(persen)).toEqual([
      0, 33, 50, 99, 100,
    ]);
    expect(persen(p(0, 0))).toBe(100);
  });

  /** A backend whose edits report `steps`, then wait for `release()` before answering. */
  function held(backend: FakeBackend, steps: BuktiProgress[]) {
    const answer = backend.editPlan.bind(backend);
    backend.buktiSteps = [];
    let release = () => {};
    const heard: (Edit['type'] | 'progress-listener')[] = [];
    backend.editPlan = async (edit: Edit, onProgress?: (p: BuktiProgress) => void) => {
      heard.push(edit.type);
      if (onProgress) heard.push('progress-listener');
      for (const s of steps) onProgress?.(s);
      await new Promise<void>((r) => (release = r));
      onProgress?.({ done: 400, total: 400 });
      return answer(edit);
    };
    return { heard, release: () => release() };
  }

  it('shows how far the files are stored, and can be neither sent twice nor closed meanwhile', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    form.values.judul = 'Video kegiatan';
    form.addFiles(['/a/video.mp4']);
    const wait = held(backend, [
      { done: 0, total: 400 },
      { done: 180, total: 400 },
    ]);
    expect([form.progress, form.canClose, form.canSave]).toEqual([null, true, true]);
    const first = form.submit();
    await vi.waitFor(() => expect(form.progress).toBe(45));
    expect(form.progressText).toBe('Menyimpan berkas… 45%');
    expect([form.saving, form.canClose, form.canSave]).toEqual([true, false, false]);
    expect(await form.submit()).toBe(false);
    form.addFiles(['/a/lagi.pdf']);
    form.removeFile('/a/video.mp4');
    await form.choose();
    expect(form.files).toEqual(['/a/video.mp4']);
    wait.release();
    expect(await first).toBe(true);
    expect(wait.heard).toEqual(['addBukti', 'progress-listener']);
    expect(backend.edits).toHaveLength(1);
    expect(backend.calls).not.toContain('chooseBuktiFiles');
    expect([form.progress, form.progressText, form.saving, form.canClose]).toEqual([
      null,
      null,
      false,
      true,
    ]);
  });

  it('never moves the bar back, and shows none for a bukti without files', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    form.values.judul = 'Notulen';
    const seen: (number | null)[] = [];
    const answer = backend.editPlan.bind(backend);
    backend.editPlan = (edit: Edit, onProgress?: (p: BuktiProgress) => void): Promise<Edited> =>
      answer(edit, (p) => {
        onProgress?.(p);
        seen.push(form.progress);
      });
    backend.buktiSteps = [
      { done: 200, total: 300 },
      { done: 100, total: 300 },
      { done: 300, total: 300 },
    ];
    expect(await form.submit()).toBe(true);
    expect(seen).toEqual([null, null, null]);
    form.addFiles(['/a/notulen.pdf']);
    expect(await form.submit()).toBe(true);
    expect(seen.slice(3)).toEqual([66, 66, 100]);
  });

  it('drops the bar and keeps the form open when storing is refused', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1);
    form.values.judul = 'Video';
    form.addFiles(['/a/video.mp4']);
    backend.editError = refusal('Berkas "video.mp4" berubah ketika sedang ditambahkan.');
    expect(await form.submit()).toBe(false);
    expect([form.progress, form.saving, form.canClose, form.files]).toEqual([
      null,
      false,
      true,
      ['/a/video.mp4'],
    ]);
    expect(app.error).toBe('Berkas "video.mp4" berubah ketika sedang ditambahkan.');
  });

  it('follows only the step that attaches files when a bukti is changed', async () => {
    const { backend, app } = setup();
    const form = new BuktiForm(app, 10, 1, bukti(3, 10));
    form.addFiles(['/a/lampiran.pdf']);
    const wait = held(backend, [{ done: 100, total: 400 }]);
    const done = form.submit();
    await vi.waitFor(() => expect(wait.heard).toEqual(['updateBukti']));
    expect(form.progress).toBeNull();
    wait.release();
    await vi.waitFor(() => expect(form.progress).toBe(25));
    wait.release();
    expect(await done).toBe(true);
    expect(wait.heard).toEqual(['updateBukti', 'addBuktiFiles', 'progress-listener']);
    expect(form.progress).toBeNull();
  });
});

describe('BuktiListModel', () => {
  it('loads every bukti of the plan once, saying when it has', async () => {
    const { backend, app } = setup();
    const list = new BuktiListModel(app);
    expect(list.loaded).toBe(false);
    await list.load();
    expect([list.loaded, list.all.length]).toEqual([true, 3]);
    expect(backend.calls).toEqual(['buktiList null']);
    backend.buktiError = refusal('Rencana tidak dapat dibaca.');
    await list.load();
    expect([list.all.length, app.error]).toEqual([3, 'Rencana tidak dapat dibaca.']);
  });
});
