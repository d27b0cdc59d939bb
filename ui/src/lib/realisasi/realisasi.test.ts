import { describe, expect, it } from 'vitest';
import { RealisasiForm } from './realisasi.svelte';
import { FakeBackend } from '../testing/fake-backend';

describe('RealisasiForm', () => {
  it('starts blank, then shows what is stored', async () => {
    const backend = new FakeBackend();
    const empty = new RealisasiForm(5, 3);
    await empty.load(backend);
    expect([empty.existing, empty.values.status, empty.loading]).toEqual([
      null,
      'dalamProses',
      false,
    ]);

    backend.realisasi.set('5:3', {
      tahapan: 5,
      bulan: 3,
      status: 'tidakTerlaksana',
      persen: 20,
      catatan: 'c',
      kendala: 'Anggaran belum turun',
      tindak_lanjut: 'Diajukan ulang',
      modified_at: '',
    });
    const form = new RealisasiForm(5, 3);
    await form.load(backend);
    expect(form.values.kendala).toBe('Anggaran belum turun');
    expect(form.values.persen).toBe(20);
    expect(backend.calls).toContain('getRealisasi 5 3');
  });

  it('lets the status set the ends of the scale, and saves or clears by month', () => {
    const form = new RealisasiForm(7, 12);
    form.values.persen = 35;
    form.setStatus('selesai');
    expect(form.values.persen).toBe(100);
    form.setStatus('belumDimulai');
    expect(form.values.persen).toBe(0);
    form.setStatus('dalamProses');
    form.values.persen = 62.4;
    expect(form.save()).toEqual({
      type: 'setRealisasi',
      id: 7,
      bulan: 12,
      realisasi: { status: 'dalamProses', persen: 62, catatan: '', kendala: '', tindak_lanjut: '' },
    });
    expect(form.clear()).toEqual({ type: 'clearRealisasi', id: 7, bulan: 12 });
  });
});
