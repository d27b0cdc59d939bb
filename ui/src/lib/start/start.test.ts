import { describe, expect, it } from 'vitest';
import { describe as describeFile, fileName, folderOf } from './recent';
import { NewPlanForm } from './new-plan.svelte';
import { FakeBackend } from '../testing/fake-backend';
import { tanggalIndonesia } from '../common/tanggal';

describe('recent list text', () => {
  it('splits Windows and Unix paths', () => {
    expect(fileName('C:\\Dok\\Renja RB 2026.renjarb')).toBe('Renja RB 2026.renjarb');
    expect(folderOf('C:\\Dok\\Renja RB 2026.renjarb')).toBe('C:\\Dok');
    expect(fileName('/home/a/r.renjarb')).toBe('r.renjarb');
    expect(folderOf('/home/a/r.renjarb')).toBe('/home/a');
  });

  it('describes instansi and year', () => {
    const f = {
      path: '/r',
      instansi: 'Dinas Perkebunan',
      tahun: 2023,
      opened_at: '',
      missing: false,
    };
    expect(describeFile(f)).toBe('Dinas Perkebunan · 2023');
    expect(describeFile({ ...f, instansi: ' ' })).toBe('Tahun 2023');
  });

  it('writes dates the Indonesian way', () => {
    expect(tanggalIndonesia('2022-12-01T10:00:00')).toBe('1 Desember 2022');
    expect(tanggalIndonesia('bukan tanggal')).toBe('');
  });
});

describe('NewPlanForm', () => {
  it('proposes a path that follows the year until one is chosen', async () => {
    const backend = new FakeBackend();
    const form = new NewPlanForm(backend, 2026);
    await form.suggest();
    expect(form.path).toBe('/dok/Renja RB/Renja RB 2026.renjarb');
    form.tahun = 2027;
    await form.suggest();
    expect(form.path).toBe('/dok/Renja RB/Renja RB 2027.renjarb');
    backend.dialogAnswer = '/lain/rencana';
    await form.choose();
    expect(form.path).toBe('/lain/rencana.renjarb');
    expect(form.chosen).toBe(true);
    form.tahun = 2028;
    await form.suggest();
    expect(form.path).toBe('/lain/rencana.renjarb');
  });

  it('cannot create with a year out of range', () => {
    const form = new NewPlanForm(new FakeBackend(), 1999);
    form.path = '/x.renjarb';
    expect(form.canCreate).toBe(false);
    form.tahun = 2030;
    expect(form.canCreate).toBe(true);
  });
});

describe('tanggal parts', () => {
  it('round-trips ISO dates and tells partial input apart', async () => {
    const { joinIso, splitIso } = await import('../common/tanggal');
    expect(splitIso('2022-12-01')).toEqual({ tahun: 2022, bulan: 12, hari: 1 });
    expect(joinIso({ tahun: 2022, bulan: 12, hari: 1 })).toBe('2022-12-01');
    expect(joinIso({ tahun: null, bulan: null, hari: null })).toBe('');
    expect(joinIso({ tahun: 2022, bulan: null, hari: 1 })).toBeNull();
    expect(splitIso('')).toEqual({ tahun: null, bulan: null, hari: null });
  });
});
