import { describe, expect, it } from 'vitest';
import {
  COL_FIRST_MONTH,
  COL_KRITERIA,
  COL_NAME,
  COL_PJ,
  GridModel,
  keyOf,
  type GridRow,
  type Level,
} from './grid.svelte';
import { PAGE_ROWS, pressEditorKey, pressKey } from './keys';

let nextId = 1;
function row(level: Level, parent: number | null, over: Partial<GridRow> = {}): GridRow {
  const id = nextId++;
  return {
    level,
    id,
    parent,
    program: 1,
    nomor: 1,
    nama: `${level} ${id}`,
    bulan: 0,
    kriteria: '',
    penanggung_jawab: '',
    tahapan: 0,
    cells: [],
    bukti: [],
    ...over,
  };
}

/** P > O > K > U > 20 tahapan: rows 0–3 are groups, 4–23 tahapan. */
function model(): GridModel {
  nextId = 1;
  const p = row('program', null);
  const o = row('outcome', p.id);
  const k = row('kegiatan', o.id);
  const u = row('output', k.id);
  const tahapan = Array.from({ length: 20 }, (_, i) => row('tahapan', u.id, { nomor: i + 1 }));
  return new GridModel({
    tahun: 2026,
    rows: [p, o, k, u, ...tahapan],
    pokja: [],
    undo: { undo: null, redo: null },
  });
}

const key = (k: string, altKey = false) => ({ key: k, altKey });
const at = (m: GridModel) => [m.visible.findIndex((v) => v.row === m.current?.row), m.cursor?.col];

describe('grid keys', () => {
  it('moves with the arrows and stops at every edge', () => {
    const m = model();
    expect(pressKey(m, key('ArrowUp'), false)).toEqual({ type: 'moved' });
    expect(at(m)).toEqual([0, COL_NAME]);
    pressKey(m, key('ArrowLeft'), false);
    expect(at(m)).toEqual([0, COL_NAME]);
    pressKey(m, key('ArrowRight'), false);
    expect(at(m)).toEqual([0, COL_FIRST_MONTH]);
    for (let i = 0; i < 20; i++) pressKey(m, key('ArrowRight'), false);
    expect(at(m)).toEqual([0, COL_PJ]);
    for (let i = 0; i < 30; i++) pressKey(m, key('ArrowDown'), false);
    expect(at(m)).toEqual([23, COL_PJ]);
    pressKey(m, key('ArrowDown'), false);
    expect(at(m)).toEqual([23, COL_PJ]);
  });

  it('pages by fifteen rows, clamped to the first and last row', () => {
    const m = model();
    pressKey(m, key('PageDown'), false);
    expect(at(m)[0]).toBe(PAGE_ROWS);
    pressKey(m, key('PageDown'), false);
    expect(at(m)[0]).toBe(23);
    pressKey(m, key('PageUp'), false);
    expect(at(m)[0]).toBe(23 - PAGE_ROWS);
    expect(pressKey(m, key('PageUp'), false)).toEqual({ type: 'moved' });
    expect(at(m)[0]).toBe(0);
  });

  it('Alt+↑/↓ moves the row among its siblings, unless read-only', () => {
    const m = model();
    const second = m.grid.rows[5]!;
    m.select(second);
    expect(pressKey(m, key('ArrowUp', true), false)).toEqual({
      type: 'edit',
      edit: { type: 'moveNode', level: 'tahapan', id: second.id, index: 0 },
    });
    expect(pressKey(m, key('ArrowDown', true), true)).toEqual({ type: 'edit', edit: null });
    // Alt with a side arrow is a plain move.
    expect(pressKey(m, key('ArrowRight', true), false)).toEqual({ type: 'moved' });
  });

  it('Space schedules the month under the cursor of a tahapan, and nothing elsewhere', () => {
    const m = model();
    const t = m.grid.rows[4]!;
    m.select(t, COL_FIRST_MONTH + 2);
    expect(pressKey(m, key(' '), false)).toEqual({
      type: 'edit',
      edit: { type: 'toggleBulan', id: t.id, bulan: 3 },
    });
    expect(pressKey(m, key(' '), true)).toEqual({ type: 'edit', edit: null });
    m.select(t, COL_NAME);
    expect(pressKey(m, key(' '), false)).toEqual({ type: 'edit', edit: null });
    m.select(m.grid.rows[0]!, COL_FIRST_MONTH);
    expect(pressKey(m, key(' '), false)).toEqual({ type: 'edit', edit: null });
  });

  it('in realisasi mode Space and Enter on a month of a tahapan open its record', () => {
    const m = model();
    m.mode = 'realisasi';
    const t = m.grid.rows[4]!;
    m.select(t, COL_FIRST_MONTH + 11);
    expect(pressKey(m, key(' '), false)).toEqual({ type: 'record', row: t, bulan: 12 });
    expect(pressKey(m, key('Enter'), false)).toEqual({ type: 'record', row: t, bulan: 12 });
    // Read-only: nothing to record.
    expect(pressKey(m, key('Enter'), true)).toEqual({ type: 'handled' });
    // On the kriteria Enter edits the text instead.
    m.select(t, COL_KRITERIA);
    expect(pressKey(m, key('Enter'), false)).toEqual({ type: 'editing' });
  });

  it('Enter and F2 edit a text cell, not in a read-only plan nor on a month', () => {
    const m = model();
    const t = m.grid.rows[4]!;
    m.select(t, COL_FIRST_MONTH);
    expect(pressKey(m, key('Enter'), false)).toEqual({ type: 'handled' });
    expect(m.editing).toBeNull();
    m.select(t, COL_PJ);
    expect(pressKey(m, key('Enter'), true)).toEqual({ type: 'handled' });
    expect(m.editing).toBeNull();
    expect(pressKey(m, key('F2'), false)).toEqual({ type: 'editing' });
    expect(m.editing).toMatchObject({ col: COL_PJ, value: '' });
    // While editing, the grid leaves every key to the editor.
    expect(pressKey(m, key('ArrowDown'), false)).toBeNull();
  });

  it('+ opens a folded group and − folds an open one; other keys are not the grid’s', () => {
    const m = model();
    const k = m.grid.rows[2]!;
    m.select(k);
    expect(pressKey(m, key('+'), false)).toBeNull();
    expect(pressKey(m, key('-'), false)).toEqual({ type: 'folded' });
    expect(m.collapsed.has(keyOf(k))).toBe(true);
    expect(pressKey(m, key('-'), false)).toBeNull();
    expect(pressKey(m, key('+'), false)).toEqual({ type: 'folded' });
    expect(m.collapsed.has(keyOf(k))).toBe(false);
    m.select(m.grid.rows[4]!);
    expect(pressKey(m, key('-'), false)).toBeNull();
    expect(pressKey(m, key('a'), false)).toBeNull();
  });

  it('Delete asks to delete the current row, unless read-only or nothing is chosen', () => {
    const m = model();
    expect(pressKey(m, key('Delete'), false)).toBeNull();
    m.select(m.grid.rows[4]!);
    expect(pressKey(m, key('Delete'), true)).toBeNull();
    expect(pressKey(m, key('Delete'), false)).toEqual({ type: 'delete' });
  });
});

describe('cell editor keys', () => {
  it('Enter stores the changed text, Escape drops it, other keys type', () => {
    const m = model();
    const t = m.grid.rows[4]!;
    m.select(t, COL_KRITERIA);
    m.beginEdit();
    m.editing!.value = ' SK terbit ';
    expect(pressEditorKey(m, 'a')).toBeNull();
    expect(pressEditorKey(m, 'Enter')).toEqual({
      type: 'commit',
      edit: { type: 'setKriteria', id: t.id, text: 'SK terbit' },
    });
    expect(m.editing).toBeNull();
    m.beginEdit();
    m.editing!.value = 'lain';
    expect(pressEditorKey(m, 'Escape')).toEqual({ type: 'cancel' });
    expect(m.editing).toBeNull();
    m.beginEdit();
    expect(pressEditorKey(m, 'Enter')).toEqual({ type: 'commit', edit: null });
  });
});
