import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import type { Lke } from '../backend/commands';
import { BackendError } from '../backend/ipc';
import { FakeBackend, bukti, lke } from '../testing/fake-backend';
import { BuktiForm } from './bukti.svelte';
import { ButirBukti, butirTahapan, nomorText, pilihanButir, semuaButir } from './butir.svelte';

const refusal = (message: string) => new BackendError({ kind: 'other', message, field: null });

/** The fixture's plan with tahapan 1 also linked to butir 2.a.1. */
function linked(): Lke {
  const data = lke();
  data.areas[1]!.indikator[0]!.butir[0]!.tahapan = [1, 3];
  return data;
}

async function loaded(backend: FakeBackend, tahapan = 1, id: number | null = 7) {
  const model = new ButirBukti(backend, tahapan, id);
  await model.load();
  return model;
}

describe('butir words and choices', () => {
  it("finds a tahapan's butir in plan order and words their numbers", () => {
    expect(semuaButir(linked()).map((b) => b.nomor)).toEqual(['1.a.1', '1.a.2', '2.a.1']);
    expect(nomorText(butirTahapan(linked(), 1))).toBe('1.a.1, 2.a.1');
    expect(nomorText(butirTahapan(linked(), 2))).toBe('');
  });

  it('groups the matching butir by area and indikator, keeping the ticked ones', () => {
    const nomor = (chosen: number[], cari: string) =>
      pilihanButir(lke(), new Set(chosen), cari).map((a) => [
        a.nomor,
        a.indikator.flatMap((i) => i.butir.map((b) => b.nomor)),
      ]);
    expect(nomor([], '')).toEqual([
      [1, ['1.a.1', '1.a.2']],
      [2, ['2.a.1']],
    ]);
    expect(nomor([], 'MONÉV')).toEqual([[1, ['1.a.2']]]);
    expect(nomor([21], 'monev')).toEqual([
      [1, ['1.a.2']],
      [2, ['2.a.1']],
    ]);
    expect(nomor([], 'harmonisasi')).toEqual([[2, ['2.a.1']]]);
    expect(nomor([], 'tidak ada')).toEqual([]);
  });
});

describe('ButirBukti', () => {
  it("shows a bukti that follows its tahapan with the tahapan's butir", async () => {
    const backend = new FakeBackend();
    backend.lkeAnswer = linked();
    const model = await loaded(backend);
    expect(backend.calls).toEqual(['lke', 'buktiButir 7']);
    expect(model.text).toBe('Mengikuti tahapan: 1.a.1, 2.a.1');
    expect([model.own, model.canChoose, model.edit]).toEqual([null, true, null]);
  });

  it('says when the tahapan has no butir, and when the plan has none at all', async () => {
    const backend = new FakeBackend();
    expect((await loaded(backend, 2)).text).toBe(
      'Mengikuti tahapan: belum ada butir yang ditautkan ke tahapan ini.',
    );
    backend.lkeAnswer = { areas: [], jumlah_butir: 0, tanpa_bukti: 0, tahapan: [] };
    const empty = await loaded(backend);
    expect(empty.text).toBe('Rencana ini belum memiliki butir LKE. Tambahkan butir di tab LKE.');
    expect([empty.kosong, empty.canChoose]).toEqual([true, false]);
    empty.open();
    expect(empty.pilih).toBeNull();
  });

  it('shows own butir in plan order, and says while loading and when refused', async () => {
    const backend = new FakeBackend();
    backend.buktiButirAnswer.set(7, { butir: [21, 12], own: true });
    const model = new ButirBukti(backend, 1, 7);
    expect([model.text, model.canChoose]).toEqual(['Memuat butir LKE…', false]);
    await model.load();
    expect([model.text, model.own]).toEqual(['Butir sendiri: 1.a.2, 2.a.1', [12, 21]]);
    backend.lkeAnswer = refusal('Rencana tidak dapat dibaca.');
    const failed = await loaded(backend);
    expect(failed.text).toBe('Butir LKE tidak dapat dibaca: Rencana tidak dapat dibaca.');
    expect([failed.canChoose, failed.edit]).toEqual([false, null]);
  });

  it('chooses own butir in the checklist, and sends the change once', async () => {
    const backend = new FakeBackend();
    const model = await loaded(backend);
    model.open();
    expect([...model.pilih!.chosen]).toEqual([11]);
    model.search('harmonisasi');
    const shown = () =>
      model.groups.flatMap((a) => a.indikator.flatMap((i) => i.butir.map((b) => b.id)));
    expect(shown()).toEqual([11, 21]);
    model.toggle(21);
    model.toggle(11);
    // Unticked under a search, 1.a.1 stays in view to be ticked again.
    expect(shown()).toEqual([11, 21]);
    model.search('monev');
    expect(shown()).toEqual([11, 12, 21]);
    model.toggle(12);
    expect([...model.pilih!.chosen].sort()).toEqual([12, 21]);
    model.apply();
    expect([model.pilih, model.own, model.text]).toEqual([
      null,
      [12, 21],
      'Butir sendiri: 1.a.2, 2.a.1',
    ]);
    expect(model.edit).toEqual({ type: 'setBuktiButir', id: 7, butir: [12, 21] });
    model.saved();
    expect(model.edit).toBeNull();
  });

  it('cancels the checklist without changing anything', async () => {
    const model = await loaded(new FakeBackend());
    model.open();
    model.toggle(12);
    model.close();
    expect([model.pilih, model.own, model.edit]).toEqual([null, null, null]);
  });

  it('follows the tahapan again, by button or by ticking nothing', async () => {
    const backend = new FakeBackend();
    backend.buktiButirAnswer.set(7, { butir: [21], own: true });
    const model = await loaded(backend);
    model.follow();
    expect([model.own, model.text]).toEqual([null, 'Mengikuti tahapan: 1.a.1']);
    expect(model.edit).toEqual({ type: 'setBuktiButir', id: 7, butir: [] });
    const other = await loaded(backend);
    other.open();
    other.toggle(21);
    other.apply();
    expect(other.edit).toEqual({ type: 'setBuktiButir', id: 7, butir: [] });
    other.open();
    other.follow();
    expect(other.pilih).toBeNull();
  });

  it('lets a new bukti follow its tahapan or choose its own before it is saved', async () => {
    const backend = new FakeBackend();
    const model = await loaded(backend, 1, null);
    // Nothing to ask the plan about a bukti that does not exist yet.
    expect(backend.calls).toEqual(['lke']);
    expect([model.canChoose, model.text, model.forNew]).toEqual([
      true,
      'Mengikuti tahapan: 1.a.1',
      undefined,
    ]);
    model.open();
    model.toggle(11);
    model.toggle(21);
    model.apply();
    expect([model.text, model.forNew, model.edit]).toEqual(['Butir sendiri: 2.a.1', [21], null]);
    model.follow();
    expect(model.forNew).toBeUndefined();
  });
});

describe('the bukti form stores the butir', () => {
  it('sends the butir after the details and before new files', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const form = new BuktiForm(app, 1, 1, bukti(7, 1));
    await form.butir.load();
    form.butir.open();
    form.butir.toggle(21);
    form.butir.apply();
    form.addFiles(['/a/notulen.pdf']);
    expect(await form.submit()).toBe(true);
    expect(backend.edits).toEqual([
      expect.objectContaining({ type: 'updateBukti', id: 7 }),
      { type: 'setBuktiButir', id: 7, butir: [11, 21] },
      { type: 'addBuktiFiles', id: 7, files: ['/a/notulen.pdf'] },
    ]);
    expect(await form.submit()).toBe(true);
    expect(backend.edits.map((e) => e.type).slice(3)).toEqual(['updateBukti', 'addBuktiFiles']);
  });

  it('stores no butir and no file when the details are refused, nor files when the butir are', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const form = new BuktiForm(app, 1, 1, bukti(7, 1));
    await form.butir.load();
    form.butir.open();
    form.butir.toggle(21);
    form.butir.apply();
    form.addFiles(['/a/notulen.pdf']);
    backend.editError = refusal('Judul tidak boleh kosong.');
    expect(await form.submit()).toBe(false);
    expect(backend.edits).toEqual([]);
    let n = 0;
    const real = backend.editPlan.bind(backend);
    backend.editPlan = (edit, p) => {
      if (++n === 2) backend.editError = refusal('Butir LKE 99 tidak ditemukan.');
      return real(edit, p);
    };
    expect(await form.submit()).toBe(false);
    expect(backend.edits.map((e) => e.type)).toEqual(['updateBukti']);
    expect(app.error).toBe('Butir LKE 99 tidak ditemukan.');
    expect(form.butir.edit).toEqual({ type: 'setBuktiButir', id: 7, butir: [11, 21] });
  });

  it('sends no butir for a new bukti that follows its tahapan', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const form = new BuktiForm(app, 1, 1);
    await form.butir.load();
    form.values.judul = 'Notulen';
    expect(await form.submit()).toBe(true);
    expect(backend.edits.map((e) => e.type)).toEqual(['addBukti']);
    expect(backend.edits[0]).not.toHaveProperty('butir');
  });

  it('adds a new bukti with its own butir in one edit', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const form = new BuktiForm(app, 1, 1);
    await form.butir.load();
    form.values.judul = 'Notulen';
    form.butir.open();
    form.butir.toggle(11);
    form.butir.toggle(21);
    form.butir.apply();
    form.addFiles(['/a/notulen.pdf']);
    expect(await form.submit()).toBe(true);
    expect(backend.edits).toEqual([
      {
        type: 'addBukti',
        tahapan: 1,
        bukti: expect.objectContaining({ judul: 'Notulen' }),
        files: ['/a/notulen.pdf'],
        butir: [21],
      },
    ]);
  });
});
