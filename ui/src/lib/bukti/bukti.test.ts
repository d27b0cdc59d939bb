import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import type { Bukti } from '../backend/commands';
import { BackendError } from '../backend/ipc';
import { FakeBackend } from '../testing/fake-backend';
import { BuktiForm, BuktiListModel, BuktiPanelModel, inputOf } from './bukti.svelte';

function bukti(id: number, tahapan: number, over: Partial<Bukti> = {}): Bukti {
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
