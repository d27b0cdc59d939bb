import { describe, expect, it } from 'vitest';
import type { Edit } from '../backend/commands';
import { BackendError } from '../backend/ipc';
import { FakeBackend, lke } from '../testing/fake-backend';
import { LkeModel, buktiText, keadaanText, pilihanTahapan, saran, saring } from './lke.svelte';

/** A model over `backend` whose edits are recorded and refused when `refuse` says so. */
function setup(refuse: (e: Edit) => string | null = () => null) {
  const backend = new FakeBackend();
  const edits: Edit[] = [];
  const model = new LkeModel(backend, async (edit) => {
    const error = refuse(edit);
    if (error) return { error, created: null };
    edits.push(edit);
    return { error: null, created: edit.type === 'importLke' ? 3 : null };
  });
  return { backend, edits, model };
}

describe('filters and words', () => {
  it('keeps only butir without evidence under "belum ada bukti", dropping empty groups', () => {
    const shown = saring(lke(), true, '');
    expect(shown.map((a) => a.nomor)).toEqual([1, 2]);
    expect(shown[0]!.indikator[0]!.butir.map((b) => b.nomor)).toEqual(['1.a.2']);
    expect(saring(lke(), false, '').flatMap((a) => a.indikator).length).toBe(2);
  });

  it('searches number, text, indikator and area, ignoring case and accents', () => {
    const nomor = (q: string) =>
      saring(lke(), false, q).flatMap((a) =>
        a.indikator.flatMap((i) => i.butir.map((b) => b.nomor)),
      );
    expect(nomor('MONEV')).toEqual(['1.a.2']);
    expect(nomor('harmonisasi')).toEqual(['2.a.1']);
    expect(nomor('1.a')).toEqual(['1.a.1', '1.a.2']);
    expect(nomor('tim monév')).toEqual(['1.a.2']);
    expect(nomor('tidak ada')).toEqual([]);
  });

  it('words evidence counts and states', () => {
    expect(buktiText(0)).toBe('Belum ada bukti');
    expect(buktiText(2)).toBe('2 bukti dukung');
    expect(keadaanText('terlambat')).toBe('Terlambat');
    expect(keadaanText('belumDijadwalkan')).toBe('Belum dijadwalkan');
  });

  it('offers the chosen tahapan first, then those matching the search', () => {
    const all = lke().tahapan;
    expect(pilihanTahapan(all, new Set([3]), '').map((t) => t.id)).toEqual([3, 1, 2]);
    expect(pilihanTahapan(all, new Set([3]), 'sosialisasi').map((t) => t.id)).toEqual([3, 2]);
    expect(pilihanTahapan(all, new Set(), '2.1').map((t) => t.id)).toEqual([3]);
  });

  it('suggests the areas, and the indikator of the area typed', () => {
    expect(saran(lke(), 'Deregulasi Kebijakan')).toEqual({
      areas: ['Manajemen Perubahan', 'Deregulasi Kebijakan'],
      indikator: ['harmonisasi'],
    });
    expect(saran(lke(), 'baru').indikator).toEqual([]);
  });
});

describe('LkeModel', () => {
  it('loads the view and names linked tahapan', async () => {
    const { model } = setup();
    await model.load();
    expect(model.data?.jumlah_butir).toBe(3);
    expect(model.tahapan.get(2)?.keadaan).toBe('terlambat');
    model.belumAda = true;
    expect(model.areas.flatMap((a) => a.indikator).length).toBe(2);
  });

  it('shows a refusal to load', async () => {
    const { backend, model } = setup();
    backend.lkeAnswer = new BackendError({ kind: 'other', message: 'Gagal', field: null });
    await model.load();
    expect(model.error).toBe('Gagal');
  });

  it('links the chosen tahapan of a butir in plan order', async () => {
    const { model, edits, backend } = setup();
    await model.load();
    const butir = model.data!.areas[0]!.indikator[0]!.butir[1]!;
    model.link(butir);
    model.toggle(3);
    model.toggle(1);
    model.toggle(2);
    model.toggle(2);
    await model.saveLink();
    expect(edits).toEqual([{ type: 'setButirTahapan', id: 12, tahapan: [1, 3] }]);
    expect(model.tautan).toBeNull();
    expect(backend.calls.filter((c) => c === 'lke').length).toBe(2);
  });

  it('adds a butir under the last area and indikator, and keeps the form open on refusal', async () => {
    const { model, edits } = setup((e) =>
      e.type === 'addButir' && !e.butir.butir ? 'Butir butir LKE tidak boleh kosong.' : null,
    );
    await model.load();
    model.add();
    expect(model.form?.input).toEqual({
      area: 'Deregulasi Kebijakan',
      indikator: 'harmonisasi',
      butir: '',
    });
    expect(await model.submit()).toBe(false);
    expect(model.form?.error).toBe('Butir butir LKE tidak boleh kosong.');
    model.form = { ...model.form!, input: { ...model.form!.input, butir: 'Baru' } };
    expect(await model.submit()).toBe(true);
    expect(model.form).toBeNull();
    expect(edits).toEqual([
      {
        type: 'addButir',
        butir: { area: 'Deregulasi Kebijakan', indikator: 'harmonisasi', butir: 'Baru' },
      },
    ]);
  });

  it('changes and deletes a butir', async () => {
    const { model, edits } = setup();
    await model.load();
    const b = model.data!.areas[0]!.indikator[0]!.butir[0]!;
    model.change(b);
    await model.submit();
    await model.remove(b);
    expect(edits.map((e) => e.type)).toEqual(['updateButir', 'deleteButir']);
  });

  it('imports a table and says how many butir came', async () => {
    const { model, backend, edits } = setup();
    backend.dialogAnswer = '/dok/lke 2026.csv';
    await model.importTable();
    expect(edits).toEqual([{ type: 'importLke', file: '/dok/lke 2026.csv' }]);
    expect(model.notice).toBe('3 butir LKE dari lke 2026.csv ditambahkan.');
    backend.dialogAnswer = null;
    await model.importTable();
    expect(edits.length).toBe(1);
  });

  it('writes the LKE package with its progress and offers the folder', async () => {
    const { model, backend } = setup();
    backend.dialogAnswer = '/dok/Paket LKE 2026.zip';
    const seen: (number | null)[] = [];
    const done = model.exportPaket();
    seen.push(model.progress);
    await done;
    expect(model.progress).toBeNull();
    expect(model.notice).toBe('Paket LKE disimpan: Paket LKE 2026.zip (2 bukti, 3 berkas, 400 B)');
    await model.openFolder();
    expect(backend.calls).toContain('openFolder /dok/Paket LKE 2026.zip');
    backend.writeError = new BackendError({ kind: 'other', message: 'Disk penuh', field: null });
    await model.exportPaket();
    expect(model.error).toBe('Disk penuh');
    expect(model.savedPath).toBeNull();
  });
});
