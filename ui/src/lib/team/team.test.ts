import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import type { Anggota } from '../backend/commands';
import { BackendError } from '../backend/ipc';
import { FakeBackend } from '../testing/fake-backend';
import { AnggotaForm } from './team.svelte';

const rina: Anggota = {
  id: 4,
  uuid: 'u4',
  nama: 'Rina',
  nip: '198001012005012001',
  jabatan: 'Sekretaris Dinas',
  peran: 'ketua',
  pokja: '',
  modified_at: '',
};

describe('AnggotaForm', () => {
  it('adds a member and is blank again', async () => {
    const backend = new FakeBackend();
    const form = new AnggotaForm(new AppModel(backend));
    form.values.nama = 'Budi';
    form.values.pokja = 'Pokja MP';
    expect(await form.submit()).toBe(true);
    expect(backend.edits).toEqual([
      {
        type: 'addAnggota',
        anggota: { nama: 'Budi', nip: '', jabatan: '', peran: 'anggotaPokja', pokja: 'Pokja MP' },
      },
    ]);
    expect(form.values.nama).toBe('');
  });

  it('changes the member chosen, and cancelling goes back to adding', async () => {
    const backend = new FakeBackend();
    const form = new AnggotaForm(new AppModel(backend));
    form.edit(rina);
    expect([form.editing, form.values.peran]).toEqual([4, 'ketua']);
    form.values.jabatan = 'Kepala Dinas';
    expect(await form.submit()).toBe(true);
    expect(backend.edits[0]).toMatchObject({ type: 'updateAnggota', id: 4 });
    expect(form.editing).toBeNull();
    form.edit(rina);
    form.reset();
    expect([form.editing, form.values.nama]).toEqual([null, '']);
  });

  it('keeps what was typed when the core refuses it', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const form = new AnggotaForm(app);
    form.edit(rina);
    form.values.nip = '123';
    backend.editError = new BackendError({
      kind: 'invalid',
      message: 'NIP harus terdiri dari 18 angka.',
      field: 'nip',
    });
    expect(await form.submit()).toBe(false);
    expect([form.editing, form.values.nip, app.error]).toEqual([
      4,
      '123',
      'NIP harus terdiri dari 18 angka.',
    ]);
  });

  it('deletes a member as a plan edit', async () => {
    const backend = new FakeBackend();
    await new AnggotaForm(new AppModel(backend)).remove(rina);
    expect(backend.edits).toEqual([{ type: 'deleteAnggota', id: 4 }]);
  });
});
