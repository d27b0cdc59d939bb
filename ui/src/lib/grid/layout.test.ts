import { describe, expect, it } from 'vitest';
import type { GridRow, VisibleRow } from './grid.svelte';
import {
  COL_MONTH,
  COL_NO,
  GridLayout,
  NAME_DEFAULT,
  NAME_MAX,
  NAME_MIN,
  estimateHeight,
  loadPrefs,
  nameWidth,
  prefsKey,
  savePrefs,
  type PrefStore,
} from './layout.svelte';
import { ROW_H } from './window';

function tahapan(id: number, nama: string, kriteria = '', pj = ''): VisibleRow {
  const row: GridRow = {
    level: 'tahapan',
    id,
    parent: 1,
    program: 1,
    nomor: id,
    nama,
    bulan: 0,
    kriteria,
    penanggung_jawab: pj,
    tahapan: 0,
    cells: [],
    bukti: [],
  };
  return { row, depth: 4, hasChildren: false };
}

function memoryStore(): PrefStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

const LONG =
  'Membentuk Tim Pelaksanaan Reformasi Birokrasi pada unit kerja dengan Surat Keputusan Kepala Dinas beserta uraian tugas setiap Pokja';

describe('the Uraian column', () => {
  it('keeps the twelve months in view by narrowing, never below the minimum', () => {
    const months = COL_NO + 12 * COL_MONTH + 2;
    // A 1366 px window without the panel: room for the chosen width.
    expect(nameWidth(420, 1116)).toBe(420);
    // With the evidence panel open: the column gives way so December stays in view.
    expect(nameWidth(420, 776)).toBe(776 - months);
    expect(nameWidth(420, 776) + months).toBeLessThanOrEqual(776);
    // Very narrow: the minimum, the months scroll.
    expect(nameWidth(420, 500)).toBe(NAME_MIN);
    // Before the view has a width: the chosen one.
    expect(nameWidth(600, 0)).toBe(600);
  });

  it('is widened by dragging its edge, within its limits', () => {
    const layout = new GridLayout({ uraian: 300, wrap: false });
    layout.available = 2000;
    expect(layout.resizeTo(500)).toBe(false);
    layout.beginResize(400);
    expect(layout.resizeTo(520)).toBe(true);
    expect(layout.name).toBe(420);
    layout.resizeTo(5000);
    expect(layout.name).toBe(NAME_MAX);
    layout.resizeTo(-5000);
    expect(layout.name).toBe(NAME_MIN);
    expect(layout.endResize()).toBe(true);
    expect(layout.endResize()).toBe(false);
    layout.step(1);
    expect(layout.uraian).toBe(NAME_MIN + 40);
  });

  it('is remembered per plan, and a damaged entry falls back to the default', () => {
    const store = memoryStore();
    savePrefs(store, '/a/satu.renjarb', { uraian: 640, wrap: true });
    expect(loadPrefs(store, '/a/satu.renjarb')).toEqual({ uraian: 640, wrap: true });
    expect(loadPrefs(store, '/a/dua.renjarb')).toEqual({ uraian: NAME_DEFAULT, wrap: false });
    store.data.set(prefsKey('/a/rusak.renjarb'), '{bukan json');
    expect(loadPrefs(store, '/a/rusak.renjarb')).toEqual({ uraian: NAME_DEFAULT, wrap: false });
    store.data.set(prefsKey('/a/aneh.renjarb'), JSON.stringify({ uraian: 99999, wrap: 'ya' }));
    expect(loadPrefs(store, '/a/aneh.renjarb')).toEqual({ uraian: NAME_MAX, wrap: false });
    expect(loadPrefs(null, '/a/satu.renjarb').uraian).toBe(NAME_DEFAULT);
  });
});

describe('Teks lengkap', () => {
  const widths = { name: 420, kriteria: true, pj: true };

  it('estimates a row by its tallest text, one line staying ROW_H', () => {
    expect(estimateHeight(tahapan(1, 'Rapat'), widths)).toBe(ROW_H);
    const long = estimateHeight(tahapan(2, LONG), widths);
    expect(long).toBeGreaterThan(ROW_H);
    // A narrower column wraps to more lines.
    expect(estimateHeight(tahapan(2, LONG), { ...widths, name: 250 })).toBeGreaterThan(long);
    // A long kriteria makes the row tall even with a short name, unless the column is hidden.
    expect(estimateHeight(tahapan(3, 'Rapat', LONG + LONG), widths)).toBeGreaterThan(ROW_H);
    expect(estimateHeight(tahapan(3, 'Rapat', LONG + LONG), { ...widths, kriteria: false })).toBe(
      ROW_H,
    );
  });

  it('gives every row ROW_H without wrapping, and measured heights with it', () => {
    const rows = [tahapan(1, 'Rapat'), tahapan(2, LONG), tahapan(3, 'Rapat')];
    const layout = new GridLayout({ uraian: 420, wrap: false });
    expect([...layout.offsets(rows, true, true)]).toEqual([0, 34, 68, 102]);
    layout.wrap = true;
    const estimated = layout.offsets(rows, true, true);
    expect(estimated[2]! - estimated[1]!).toBeGreaterThan(ROW_H);
    expect(layout.measure([['tahapan:2', 90]])).toBe(true);
    expect(layout.measure([['tahapan:2', 90]])).toBe(false);
    expect([...layout.offsets(rows, true, true)]).toEqual([0, 34, 124, 158]);
    // Measured at another width: estimated again.
    layout.available = 700;
    expect(layout.offsets(rows, true, true)[2]! - 34).toBeGreaterThan(estimated[2]! - 34);
  });

  it('lays out 10,000 wrapped rows quickly enough to do on every change', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => tahapan(i, LONG, LONG, 'Pokja'));
    const layout = new GridLayout({ uraian: 420, wrap: true });
    const offsets = layout.offsets(rows, true, true);
    expect(offsets.length).toBe(10_001);
    expect(offsets[10_000]).toBeGreaterThan(10_000 * ROW_H);
  });
});
