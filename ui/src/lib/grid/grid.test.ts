import { describe, expect, it } from 'vitest';
import {
  COL_FIRST_MONTH,
  COL_KRITERIA,
  COL_NAME,
  COL_PJ,
  GridModel,
  MonthDrag,
  keyOf,
  textEdit,
  visibleRows,
  type Grid,
  type GridRow,
  type Level,
} from './grid.svelte';
import { currentMonth, setRange } from './months';

let nextId = 1;
function row(
  level: Level,
  nama: string,
  parent: number | null,
  program: number,
  over: Partial<GridRow> = {},
): GridRow {
  const id = nextId++;
  return {
    level,
    id,
    parent,
    program: level === 'program' ? id : program,
    nomor: 1,
    nama,
    bulan: 0,
    kriteria: '',
    penanggung_jawab: '',
    tahapan: 0,
    cells: [],
    bukti: [],
    ...over,
  };
}

/** Two programs: P1 > O1 > K1 > U1 > (T1 Pokja A, T2 Pokja B); P2 > O2 > K2 > U2 > T3. */
function fixture(): GridRow[] {
  nextId = 1;
  const p1 = row('program', 'Manajemen Perubahan', null, 0);
  const o1 = row('outcome', 'Outcome satu', p1.id, p1.id);
  const k1 = row('kegiatan', 'Membentuk tim', o1.id, p1.id);
  const u1 = row('output', 'SK Tim', k1.id, p1.id);
  const t1 = row('tahapan', 'Menyusun susunan tim', u1.id, p1.id, {
    penanggung_jawab: 'Pokja A',
    bulan: 0b11,
  });
  const t2 = row('tahapan', 'Menetapkan SK', u1.id, p1.id, {
    penanggung_jawab: 'Pokja B',
    nomor: 2,
    kriteria: 'SK terbit',
  });
  const p2 = row('program', 'Penguatan Akuntabilitas', null, 0, { nomor: 2 });
  const o2 = row('outcome', 'Outcome dua', p2.id, p2.id);
  const k2 = row('kegiatan', 'Menyusun LKjIP', o2.id, p2.id);
  const u2 = row('output', 'Dokumen LKjIP', k2.id, p2.id);
  const t3 = row('tahapan', 'Mengumpulkan data kinerja', u2.id, p2.id, {
    penanggung_jawab: 'Pokja A',
  });
  return [p1, o1, k1, u1, t1, t2, p2, o2, k2, u2, t3];
}

const none = { program: null, pokja: '', search: '' };
const names = (rows: { row: GridRow }[]) => rows.map((v) => v.row.nama);

describe('visibleRows', () => {
  it('shows the whole tree with depths', () => {
    const v = visibleRows(fixture(), none, new Set());
    expect(v).toHaveLength(11);
    expect(v.map((x) => x.depth)).toEqual([0, 1, 2, 3, 4, 4, 0, 1, 2, 3, 4]);
    expect(v[3]?.hasChildren).toBe(true);
    expect(v[4]?.hasChildren).toBe(false);
  });

  it('shows one program headed by its own row', () => {
    const rows = fixture();
    const p2 = rows[6]!.id;
    const v = visibleRows(rows, { ...none, program: p2 }, new Set());
    expect(names(v)).toEqual([
      'Penguatan Akuntabilitas',
      'Outcome dua',
      'Menyusun LKjIP',
      'Dokumen LKjIP',
      'Mengumpulkan data kinerja',
    ]);
    expect(v.map((x) => x.depth)).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters by Pokja, keeping the groups above matching tahapan', () => {
    const v = visibleRows(fixture(), { ...none, pokja: 'Pokja B' }, new Set());
    expect(names(v)).toEqual([
      'Manajemen Perubahan',
      'Outcome satu',
      'Membentuk tim',
      'SK Tim',
      'Menetapkan SK',
    ]);
  });

  it('searches names, kriteria and penanggung jawab, ignoring case', () => {
    expect(names(visibleRows(fixture(), { ...none, search: 'sk terbit' }, new Set())).at(-1)).toBe(
      'Menetapkan SK',
    );
    const byGroup = visibleRows(fixture(), { ...none, search: 'LKJIP' }, new Set());
    expect(names(byGroup)).toEqual([
      'Penguatan Akuntabilitas',
      'Outcome dua',
      'Menyusun LKjIP',
      'Dokumen LKjIP',
    ]);
    expect(visibleRows(fixture(), { ...none, search: 'tidak ada' }, new Set())).toEqual([]);
  });

  it('hides what is beneath a folded group', () => {
    const rows = fixture();
    const folded = new Set([keyOf(rows[2]!)]);
    expect(names(visibleRows(rows, none, folded))).toEqual([
      'Manajemen Perubahan',
      'Outcome satu',
      'Membentuk tim',
      'Penguatan Akuntabilitas',
      'Outcome dua',
      'Menyusun LKjIP',
      'Dokumen LKjIP',
      'Mengumpulkan data kinerja',
    ]);
  });
});

describe('months', () => {
  it('a drag sets every month it crosses to the opposite of where it began', () => {
    const t = { ...fixture()[4]! }; // Jan and Feb scheduled
    const fill = new MonthDrag(t, 3);
    fill.end = 6;
    expect(fill.mask).toBe(0b1111011);
    expect(fill.edit()).toEqual({ type: 'scheduleBulan', id: t.id, from: 4, to: 7, on: true });
    const clear = new MonthDrag(t, 1);
    clear.end = 0;
    expect(clear.mask).toBe(0);
    expect(setRange(0, 11, 9, true)).toBe(0b1110_0000_0000);
  });

  it('marks the current month only in the plan year', () => {
    expect(currentMonth(2026, new Date(2026, 10, 27))).toBe(10);
    expect(currentMonth(2025, new Date(2026, 10, 27))).toBeNull();
  });
});

describe('GridModel', () => {
  function model(): GridModel {
    const grid: Grid = {
      tahun: 2026,
      rows: fixture(),
      pokja: ['Pokja A', 'Pokja B'],
      undo: { undo: null, redo: null },
    };
    return new GridModel(grid);
  }

  it('moves the cursor over rows and columns and stays inside', () => {
    const m = model();
    m.move(1, 0);
    expect(m.current?.row.nama).toBe('Outcome satu');
    m.move(-5, -3);
    expect([m.current?.row.nama, m.cursor?.col]).toEqual(['Manajemen Perubahan', COL_NAME]);
    m.move(100, 100);
    expect([m.current?.row.nama, m.cursor?.col]).toEqual(['Mengumpulkan data kinerja', COL_PJ]);
    m.showPj = false;
    m.move(0, 1);
    expect(m.cursor?.col).toBe(COL_KRITERIA);
  });

  it('Space toggles a month of a tahapan, and nothing elsewhere', () => {
    const m = model();
    const t1 = m.grid.rows[4]!;
    m.select(t1, COL_FIRST_MONTH + 1);
    expect(m.toggleAtCursor()).toEqual({ type: 'toggleBulan', id: t1.id, bulan: 2 });
    m.select(m.grid.rows[3]!, COL_FIRST_MONTH + 1);
    expect(m.toggleAtCursor()).toBeNull();
  });

  it('edits text and returns the edit only when it changed', () => {
    const m = model();
    const t2 = m.grid.rows[5]!;
    m.select(t2, COL_PJ);
    expect(m.beginEdit()).toBe(true);
    m.editing!.value = '  Pokja A ';
    expect(m.commitEdit()).toEqual({ type: 'setPenanggungJawab', id: t2.id, text: 'Pokja A' });
    m.select(t2, COL_NAME);
    m.beginEdit();
    m.cancelEdit();
    expect(m.commitEdit()).toBeNull();
    expect(textEdit(t2, COL_KRITERIA, 'SK terbit')).toBeNull();
    expect(textEdit(m.grid.rows[0]!, COL_KRITERIA, 'x')).toBeNull();
  });

  it('adds beside, beneath, and moves within siblings', () => {
    const m = model();
    expect(m.addSibling()).toEqual({
      type: 'addNode',
      at: { level: 'program', parent: null, after: null },
      nama: 'Program baru',
    });
    const u1 = m.grid.rows[3]!;
    m.select(u1);
    expect(m.addChild()).toEqual({
      type: 'addNode',
      at: { level: 'tahapan', parent: u1.id, after: null },
      nama: 'Tahapan baru',
    });
    const t2 = m.grid.rows[5]!;
    m.select(t2);
    expect(m.addChild()).toBeNull();
    expect(m.shift(-1)).toEqual({ type: 'moveNode', level: 'tahapan', id: t2.id, index: 0 });
    expect(m.shift(1)).toBeNull();
  });

  it('reveals a new row inside a folded group of another program', () => {
    const m = model();
    const rows = m.grid.rows;
    m.toggleFold(rows[8]!);
    m.filters = { ...m.filters, program: rows[0]!.id };
    m.reveal('tahapan', rows[10]!.id);
    expect(m.filters.program).toBe(rows[6]!.id);
    expect(m.current?.row.nama).toBe('Mengumpulkan data kinerja');
  });
});

describe('pointer on months', () => {
  function model(): GridModel {
    return new GridModel({
      tahun: 2026,
      rows: fixture(),
      pokja: [],
      undo: { undo: null, redo: null },
    });
  }

  it('a press selects the month; a release without moving toggles it', () => {
    const m = model();
    const t1 = m.grid.rows[4]!;
    expect(m.pressMonth(t1, 5, 0, false)).toBe('draw');
    expect(m.cursor).toEqual({ key: keyOf(t1), col: COL_FIRST_MONTH + 5 });
    expect(m.release()).toEqual({ type: 'toggleBulan', id: t1.id, bulan: 6 });
    expect(m.drag).toBeNull();
    expect(m.release()).toBeNull();
  });

  it('a drag across months schedules them all; another row does not extend it', () => {
    const m = model();
    const t1 = m.grid.rows[4]!; // Jan and Feb scheduled
    m.pressMonth(t1, 3, 0, false);
    m.enterMonth(m.grid.rows[5]!, 9);
    m.enterMonth(t1, 5);
    expect(m.release()).toEqual({ type: 'scheduleBulan', id: t1.id, from: 4, to: 6, on: true });
  });

  it('records in realisasi mode; only selects on a group, read-only or another button', () => {
    const m = model();
    const t1 = m.grid.rows[4]!;
    expect(m.pressMonth(t1, 0, 2, false)).toBeNull();
    expect(m.pressMonth(t1, 0, 0, true)).toBeNull();
    expect(m.pressMonth(m.grid.rows[0]!, 0, 0, false)).toBeNull();
    expect(m.cursor).toEqual({ key: keyOf(m.grid.rows[0]!), col: COL_FIRST_MONTH });
    m.mode = 'realisasi';
    expect(m.pressMonth(t1, 0, 0, false)).toBe('record');
    expect(m.drag).toBeNull();
  });
});
