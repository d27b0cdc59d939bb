import { describe, expect, it } from 'vitest';
import { IdentityForm, GROUPS } from './identity.svelte';
import { FakeBackend, identity } from '../testing/fake-backend';
import type { PlanOverview } from '../backend/commands';

function form(backend: FakeBackend) {
  const saved: PlanOverview[] = [];
  const f = new IdentityForm(
    identity(),
    (id) => backend.updateIdentity(id).then((e) => e.overview),
    (o) => saved.push(o),
  );
  return { f, saved };
}

describe('IdentityForm', () => {
  it('stores a changed field and shows the stored value', async () => {
    const backend = new FakeBackend();
    const { f, saved } = form(backend);
    f.values.kepala_nip = '19700101 199003 1 001';
    await f.commit('kepala_nip');
    expect(f.values.kepala_nip).toBe('197001011990031001');
    expect(f.status).toBe('saved');
    expect(saved).toHaveLength(1);
  });

  it('keeps both of two fields left quickly one after another', async () => {
    // A backend that answers only when told: the second field is left before the first save
    // returns, as a fast typist (or WebDriver) does.
    let stored = identity();
    const waiting: (() => void)[] = [];
    const f = new IdentityForm(identity(), (id) => {
      stored = { ...id };
      return new Promise((ok) => waiting.push(() => ok({ identity: stored } as PlanOverview)));
    });
    f.values.kepala_nama = 'Ir. Kepala';
    const first = f.commit('kepala_nama');
    f.values.ketua_nama = 'Siti Aminah';
    const second = f.commit('ketua_nama');
    // Answer every save that is waiting, a few rounds, then both must be done.
    for (let i = 0; i < 20; i++) {
      await Promise.resolve();
      waiting.shift()?.();
    }
    await Promise.all([first, second]);
    expect(stored.kepala_nama).toBe('Ir. Kepala');
    expect(stored.ketua_nama).toBe('Siti Aminah');
  });

  it('says "saved" only when no other field waits to be saved', async () => {
    const waiting: (() => void)[] = [];
    let stored = identity();
    const f = new IdentityForm(identity(), (id) => {
      stored = { ...id };
      return new Promise((ok) => waiting.push(() => ok({ identity: stored } as PlanOverview)));
    });
    const answer = async () => {
      for (let i = 0; i < 100 && waiting.length === 0; i++) await Promise.resolve();
      waiting.shift()?.();
    };
    // Two fields left quickly one after another.
    f.values.nomor_keputusan = '800/12/2022';
    const first = f.commit('nomor_keputusan');
    f.values.tanggal_keputusan = '2022-01-15';
    const second = f.commit('tanggal_keputusan');
    await answer();
    await first;
    expect(f.status).toBe('saving');
    await answer();
    await second;
    expect(f.status).toBe('saved');
    expect(stored.nomor_keputusan).toBe('800/12/2022');
    expect(stored.tanggal_keputusan).toBe('2022-01-15');
  });

  it('does not call the backend when nothing changed', async () => {
    const backend = new FakeBackend();
    const { f } = form(backend);
    await f.commit('instansi');
    expect(backend.calls).toEqual([]);
  });

  it('shows a refusal beside its field and keeps what the user typed', async () => {
    const backend = new FakeBackend();
    const { f } = form(backend);
    f.values.kepala_nip = '123';
    await f.commit('kepala_nip');
    expect(f.errors.kepala_nip).toBe('NIP harus terdiri dari 18 angka.');
    expect(f.values.kepala_nip).toBe('123');
    expect(f.status).toBe('error');
  });

  it('saves one field on top of the stored identity, not other pending edits', async () => {
    const backend = new FakeBackend();
    const { f } = form(backend);
    f.values.kepala_nip = '123';
    f.values.instansi = ' Dinas Baru ';
    await f.commit('instansi');
    expect(backend.stored.instansi).toBe('Dinas Baru');
    expect(backend.stored.kepala_nip).toBe('');
  });

  it('refuses an empty year without calling the backend', async () => {
    const backend = new FakeBackend();
    const { f } = form(backend);
    (f.values as unknown as { tahun: unknown }).tahun = null;
    await f.commit('tahun');
    expect(f.errors.tahun).toMatch(/Tahun harus diisi/);
    expect(backend.calls).toEqual([]);
  });

  it('lists every identity field exactly once', () => {
    const keys = GROUPS.flatMap((g) => g.fields.map((f) => f.key)).sort();
    expect(keys).toEqual(Object.keys(identity()).sort());
  });
});
