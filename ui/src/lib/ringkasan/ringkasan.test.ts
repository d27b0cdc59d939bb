import { describe, expect, it } from 'vitest';
import {
  BATAS,
  RingkasanModel,
  angkaText,
  bulanLabel,
  daftarKosong,
  daftarTabs,
  lebar,
  programLabel,
  skala,
} from './ringkasan.svelte';
import { FakeBackend, badFile, ringkasan } from '../testing/fake-backend';

const MAY_2026 = new Date(2026, 4, 20);

describe('bars and words', () => {
  it('scales a bar to the share done, nothing without a target', () => {
    expect(lebar({ target: 4, selesai: 3, persen: '75,0%' })).toBe(75);
    expect(lebar({ target: 0, selesai: 0, persen: '–' })).toBe(0);
    expect(lebar({ target: 2, selesai: 5, persen: '' })).toBe(100);
  });

  it('says each bar in words for screen readers', () => {
    const r = ringkasan(3);
    expect(angkaText(r.jumlah.kumulatif)).toBe('3 dari 4 target selesai (75,0%)');
    expect(angkaText(r.program[1]!.kumulatif)).toBe('Belum ada target');
    expect(programLabel(r.program[0]!, r.sampai)).toBe(
      'Manajemen Perubahan: s.d. bulan 3 2026, 3 dari 4 target selesai (75,0%)',
    );
    expect(bulanLabel(r.per_bulan[1]!)).toBe('Februari: 1 target, 1 selesai');
  });

  it('scales the month chart to the largest month, at least 1', () => {
    expect(skala(ringkasan(3).per_bulan)).toBe(1);
    expect(skala([])).toBe(1);
    expect(
      skala([
        { bulan: 1, nama: 'Jan', target: 7, selesai: 2 },
        { bulan: 2, nama: 'Feb', target: 12, selesai: 0 },
      ]),
    ).toBe(12);
  });

  it('names the lists with their counts, and says when one is empty', () => {
    const r = ringkasan(3);
    expect(daftarTabs(r).map((t) => [t.label, t.count])).toEqual([
      ['Terlambat', 1],
      ['Selesai tanpa bukti', 1],
      ['Dijadwalkan Bulan 4 2026', 1],
    ]);
    expect(daftarKosong('terlambat', r)).toBe(
      'Tidak ada tahapan yang terlambat s.d. bulan 3 2026.',
    );
    const desember = ringkasan(12);
    expect(daftarTabs(desember)[2]!.label).toBe('Bulan depan');
    expect(daftarKosong('bulan_depan', desember)).toBe(
      'Desember adalah bulan terakhir tahun rencana.',
    );
  });
});

describe('RingkasanModel', () => {
  it('starts on the current month of the plan year and loads it', async () => {
    const backend = new FakeBackend();
    const model = new RingkasanModel(backend, 2026, MAY_2026);
    expect(model.bulan).toBe(5);
    expect(new RingkasanModel(backend, 2025, MAY_2026).bulan).toBe(12);
    await model.load();
    expect(backend.calls).toEqual(['ringkasan 5']);
    expect(model.data?.bulan).toBe(5);
    expect(model.list.map((t) => t.id)).toEqual([101]);
    model.choose('bulan_depan');
    expect(model.list.map((t) => t.id)).toEqual([103]);
  });

  it("loads again after every edit, but not when an opened plan's grid first arrives", async () => {
    const backend = new FakeBackend();
    const model = new RingkasanModel(backend, 2026, MAY_2026);
    // Opening: the plan screen shows before the grid's data arrives.
    model.show(null);
    const grid = { id: 'first' };
    model.show(grid);
    await Promise.resolve();
    expect(backend.calls).toEqual(['ringkasan 5']);
    // A month chosen, the same grid: again.
    model.bulan = 6;
    model.show(grid);
    // An edit replaced the grid: again.
    model.show({ id: 'after an edit' });
    await Promise.resolve();
    expect(backend.calls).toEqual(['ringkasan 5', 'ringkasan 6', 'ringkasan 6']);
    // Switching back to the tab with the grid there: loads.
    const again = new RingkasanModel(backend, 2026, MAY_2026);
    again.show(grid);
    await Promise.resolve();
    expect(backend.calls.length).toBe(4);
  });

  it('keeps the answer to the last month asked for, however late the first arrives', async () => {
    const backend = new FakeBackend();
    const answers: (() => void)[] = [];
    backend.ringkasan = (bulan) =>
      new Promise((ok) => answers.push(() => ok(ringkasan(bulan ?? 1))));
    const model = new RingkasanModel(backend, 2026, MAY_2026);
    model.bulan = 2;
    const first = model.load();
    model.bulan = 7;
    const second = model.load();
    answers[1]!();
    await second;
    answers[0]!();
    await first;
    expect(model.data?.bulan).toBe(7);
    expect(model.loading).toBe(false);
  });

  it('shows a refusal and keeps what it showed', async () => {
    const backend = new FakeBackend();
    const model = new RingkasanModel(backend, 2026, MAY_2026);
    await model.load();
    backend.ringkasanAnswer = badFile('Berkas rusak.');
    await model.load();
    expect(model.error).toBe('Berkas rusak.');
    expect(model.data?.bulan).toBe(5);
  });

  it('shows the first items of a long list until asked for all', async () => {
    const backend = new FakeBackend();
    const item = (id: number) => ({
      id,
      program: 1,
      kegiatan: 'K',
      nama: `T${id}`,
      penanggung_jawab: '',
      bulan: 'Jan',
    });
    backend.ringkasanAnswer = ringkasan(3, {
      terlambat: Array.from({ length: BATAS + 5 }, (_, i) => item(i + 1)),
    });
    const model = new RingkasanModel(backend, 2026, MAY_2026);
    await model.load();
    expect(model.shown).toHaveLength(BATAS);
    model.semua = true;
    expect(model.shown).toHaveLength(BATAS + 5);
    model.choose('tanpa_bukti');
    expect(model.semua).toBe(false);
  });
});
