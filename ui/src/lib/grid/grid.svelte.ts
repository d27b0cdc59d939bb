// The month grid's page state: which rows are visible (program, Pokja filter, search, folded
// groups), the cell cursor, and the edits a click, a drag or a key makes. Components render
// this; the backend applies the edits it returns.
import type { Edit } from '../backend/generated/Edit';
import type { Grid } from '../backend/generated/Grid';
import type { GridRow } from '../backend/generated/GridRow';
import type { Level } from '../backend/generated/Level';
import { LEVELS, LEVEL_LABEL } from '../backend/generated/labels';
import { SvelteSet } from 'svelte/reactivity';
import { hasMonth, setRange } from './months';

export type { Grid, GridRow, Level };

/** Columns the cursor moves over: the name, the 12 months, kriteria, penanggung jawab. */
export const COL_NAME = 0;
export const COL_FIRST_MONTH = 1;
export const COL_KRITERIA = 13;
export const COL_PJ = 14;

// The levels top down and their words come from the core (generated labels).
export { LEVELS, LEVEL_LABEL };

export function depthOf(level: Level): number {
  return LEVELS.indexOf(level);
}

export function childLevel(level: Level): Level | null {
  return LEVELS[depthOf(level) + 1] ?? null;
}

export function keyOf(row: { level: Level; id: number }): string {
  return `${row.level}:${row.id}`;
}

export interface VisibleRow {
  row: GridRow;
  depth: number;
  hasChildren: boolean;
}

export interface Filters {
  program: number | null;
  pokja: string;
  search: string;
}

function matchesSearch(row: GridRow, needle: string): boolean {
  if (!needle) return true;
  return [row.nama, row.kriteria, row.penanggung_jawab].some((t) =>
    t.toLowerCase().includes(needle),
  );
}

/**
 * The rows to show, in order. `rows` is the whole tree depth-first (as the core sends it).
 * With a Pokja filter or a search, a tahapan shows when it matches and a group shows when
 * it or anything beneath it matches; folded groups hide what is beneath them.
 */
export function visibleRows(
  rows: GridRow[],
  filters: Filters,
  collapsed: ReadonlySet<string>,
): VisibleRow[] {
  const needle = filters.search.trim().toLowerCase();
  const filtering = needle !== '' || filters.pokja !== '';
  // One program: its own row heads the tree, so it can be renamed and added to there too.
  const shown = filters.program === null ? rows : rows.filter((r) => r.program === filters.program);

  // Which rows match on their own, and which groups have a matching descendant.
  const keep = new Array<boolean>(shown.length).fill(!filtering);
  if (filtering) {
    const stack: number[] = [];
    shown.forEach((row, i) => {
      const depth = depthOf(row.level);
      while (stack.length && depthOf(shown[stack[stack.length - 1] as number]!.level) >= depth) {
        stack.pop();
      }
      const pokjaOk =
        filters.pokja === '' || (row.level === 'tahapan' && row.penanggung_jawab === filters.pokja);
      const self =
        row.level === 'tahapan'
          ? pokjaOk && matchesSearch(row, needle)
          : filters.pokja === '' && needle !== '' && matchesSearch(row, needle);
      if (self) {
        keep[i] = true;
        for (const a of stack) keep[a] = true;
      }
      stack.push(i);
    });
  }

  const out: VisibleRow[] = [];
  let hideBelow: number | null = null;
  shown.forEach((row, i) => {
    const depth = depthOf(row.level);
    if (hideBelow !== null && depth > hideBelow) return;
    hideBelow = null;
    if (!keep[i]) return;
    const next = shown[i + 1];
    const hasChildren = next !== undefined && depthOf(next.level) > depthOf(row.level);
    out.push({ row, depth, hasChildren });
    if (hasChildren && collapsed.has(keyOf(row))) hideBelow = depth;
  });
  return out;
}

/** The edit a click on month `month` (0-based) of a tahapan makes: a toggle of what is
 * stored, so quick clicks never act on a stale view. */
export function clickMonth(row: GridRow, month: number): Edit {
  return { type: 'toggleBulan', id: row.id, bulan: month + 1 };
}

/** A drag across months of one tahapan: every month from start to end takes the opposite of
 * the start month's state. */
export class MonthDrag {
  readonly row: GridRow;
  readonly start: number;
  readonly on: boolean;
  end: number;

  constructor(row: GridRow, start: number) {
    this.row = row;
    this.start = start;
    this.end = start;
    this.on = !hasMonth(row.bulan, start);
  }

  get mask(): number {
    return setRange(this.row.bulan, this.start, this.end, this.on);
  }

  edit(): Edit | null {
    if (this.mask === this.row.bulan) return null;
    return {
      type: 'scheduleBulan',
      id: this.row.id,
      from: this.start + 1,
      to: this.end + 1,
      on: this.on,
    };
  }
}

/** The name a new row starts with: "Program baru", "Tahapan baru", …. */
export const NEW_NAME = Object.fromEntries(
  LEVELS.map((l) => [l, `${LEVEL_LABEL[l]} baru`]),
) as Record<Level, string>;

export interface Cursor {
  key: string;
  col: number;
}

export interface TextEdit extends Cursor {
  value: string;
}

/** What a text cell holds, or null when the cell has no text to edit. */
export function cellText(row: GridRow, col: number): string | null {
  if (col === COL_NAME) return row.nama;
  if (row.level !== 'tahapan') return null;
  if (col === COL_KRITERIA) return row.kriteria;
  if (col === COL_PJ) return row.penanggung_jawab;
  return null;
}

/** The edit that stores `value` in a text cell, or null when nothing changed. */
export function textEdit(row: GridRow, col: number, value: string): Edit | null {
  const before = cellText(row, col);
  if (before === null || before === value) return null;
  if (col === COL_NAME) return { type: 'renameNode', level: row.level, id: row.id, nama: value };
  if (col === COL_KRITERIA) return { type: 'setKriteria', id: row.id, text: value };
  if (col === COL_PJ) return { type: 'setPenanggungJawab', id: row.id, text: value };
  return null;
}

export class GridModel {
  grid = $state<Grid>() as Grid;
  filters = $state<Filters>({ program: null, pokja: '', search: '' });
  readonly collapsed = new SvelteSet<string>();
  cursor = $state<Cursor | null>(null);
  editing = $state<TextEdit | null>(null);
  drag = $state<MonthDrag | null>(null);
  showKriteria = $state(true);
  showPj = $state(true);
  /** Jadwal: a click schedules months. Realisasi: a click records what was done. */
  mode = $state<'jadwal' | 'realisasi'>('jadwal');

  visible = $derived(visibleRows(this.grid.rows, this.filters, this.collapsed));

  constructor(grid: Grid) {
    this.grid = grid;
  }

  get programs(): GridRow[] {
    return this.grid.rows.filter((r) => r.level === 'program');
  }

  /** The row under the cursor, if it is still visible. */
  get current(): VisibleRow | null {
    const key = this.cursor?.key;
    return key ? (this.visible.find((v) => keyOf(v.row) === key) ?? null) : null;
  }

  private columns(): number[] {
    const cols = [COL_NAME, ...Array.from({ length: 12 }, (_, i) => COL_FIRST_MONTH + i)];
    if (this.showKriteria) cols.push(COL_KRITERIA);
    if (this.showPj) cols.push(COL_PJ);
    return cols;
  }

  isCursor(row: GridRow, col: number): boolean {
    return this.cursor?.key === keyOf(row) && this.cursor.col === col;
  }

  isEditing(row: GridRow, col: number): boolean {
    return this.editing?.key === keyOf(row) && this.editing.col === col;
  }

  select(row: GridRow, col: number = this.cursor?.col ?? COL_NAME): void {
    this.cursor = { key: keyOf(row), col };
  }

  /** Select the row `key` once it is in the grid (after an add), unfolding its parents. */
  reveal(level: Level, id: number): void {
    const row = this.grid.rows.find((r) => r.level === level && r.id === id);
    if (!row) return;
    let parent = row.parent;
    let parentLevel = LEVELS[depthOf(level) - 1];
    while (parent !== null && parentLevel) {
      this.collapsed.delete(`${parentLevel}:${parent}`);
      const p = this.grid.rows.find((r) => r.level === parentLevel && r.id === parent);
      parent = p?.parent ?? null;
      parentLevel = LEVELS[depthOf(parentLevel) - 1];
    }
    if (this.filters.program !== null && row.program !== this.filters.program) {
      this.filters = { ...this.filters, program: row.program };
    }
    this.select(row, COL_NAME);
  }

  toggleFold(row: GridRow): void {
    const key = keyOf(row);
    if (this.collapsed.has(key)) this.collapsed.delete(key);
    else this.collapsed.add(key);
  }

  /** Move the cursor by rows and columns, staying inside the grid. */
  move(dRow: number, dCol: number): void {
    const rows = this.visible;
    if (rows.length === 0) return;
    const index = this.cursor ? rows.findIndex((v) => keyOf(v.row) === this.cursor?.key) : -1;
    const cols = this.columns();
    const col = this.cursor?.col ?? COL_NAME;
    // A hidden column (kriteria or PJ switched off) counts as the last visible one before it.
    const colIndex = cols.includes(col)
      ? cols.indexOf(col)
      : cols.filter((c) => c < col).length - 1;
    const r = Math.min(rows.length - 1, Math.max(0, (index < 0 ? 0 : index) + dRow));
    const c = Math.min(cols.length - 1, Math.max(0, colIndex + dCol));
    this.cursor = { key: keyOf(rows[r]!.row), col: cols[c]! };
  }

  /** A press on month `month` (0-based) of `row` selects the cell, then opens the month's
   * record (realisasi mode) or starts drawing the schedule (jadwal mode); group rows, a
   * read-only plan and any button but the main one do no more. */
  pressMonth(
    row: GridRow,
    month: number,
    button: number,
    readOnly: boolean,
  ): 'record' | 'draw' | null {
    this.select(row, COL_FIRST_MONTH + month);
    if (row.level !== 'tahapan' || readOnly || button !== 0) return null;
    if (this.mode === 'realisasi') return 'record';
    this.drag = new MonthDrag(row, month);
    return 'draw';
  }

  /** The pointer entered month `month` of `row`: a schedule drawn on that row reaches it. */
  enterMonth(row: GridRow, month: number): void {
    const drag = this.drag;
    if (drag && drag.row.id === row.id && row.level === 'tahapan') drag.end = month;
  }

  /** The pointer was released: the edit the drawing makes (one month: a click, a toggle). */
  release(): Edit | null {
    const drag = this.drag;
    this.drag = null;
    if (!drag) return null;
    return drag.end === drag.start ? clickMonth(drag.row, drag.start) : drag.edit();
  }

  /** Space on a month cell of a tahapan: the edit that toggles it. */
  toggleAtCursor(): Edit | null {
    const v = this.current;
    const col = this.cursor?.col ?? COL_NAME;
    if (!v || v.row.level !== 'tahapan' || col < COL_FIRST_MONTH || col >= COL_KRITERIA) {
      return null;
    }
    return clickMonth(v.row, col - COL_FIRST_MONTH);
  }

  /** Enter on a text cell: start editing it. */
  beginEdit(): boolean {
    const v = this.current;
    if (!v || !this.cursor) return false;
    const text = cellText(v.row, this.cursor.col);
    if (text === null) return false;
    this.editing = { ...this.cursor, value: text };
    return true;
  }

  /** Leave the text editor; returns the edit to store, if the text changed. */
  commitEdit(): Edit | null {
    const e = this.editing;
    this.editing = null;
    if (!e) return null;
    const row = this.visible.find((v) => keyOf(v.row) === e.key)?.row;
    return row ? textEdit(row, e.col, e.value.trim()) : null;
  }

  cancelEdit(): void {
    this.editing = null;
  }

  /** The edit that adds a program at the end. */
  addProgram(): Edit {
    return {
      type: 'addNode',
      at: { level: 'program', parent: null, after: null },
      nama: NEW_NAME.program,
    };
  }

  /** The edit that adds a row after the current one (or a program when nothing is chosen). */
  addSibling(): Edit {
    const row = this.current?.row;
    if (!row) return this.addProgram();
    return {
      type: 'addNode',
      at: { level: row.level, parent: row.parent, after: row.id },
      nama: NEW_NAME[row.level],
    };
  }

  /** The edit that adds a first-level child under the current row, or null for a tahapan. */
  addChild(): Edit | null {
    const row = this.current?.row;
    const level = row ? childLevel(row.level) : null;
    if (!row || !level) return null;
    return { type: 'addNode', at: { level, parent: row.id, after: null }, nama: NEW_NAME[level] };
  }

  /** Move the current row up (-1) or down (+1) among its siblings. */
  shift(delta: -1 | 1): Edit | null {
    const row = this.current?.row;
    if (!row) return null;
    const index = row.nomor - 1 + delta;
    const siblings = this.grid.rows.filter(
      (r) => r.level === row.level && r.parent === row.parent,
    ).length;
    if (index < 0 || index >= siblings) return null;
    return { type: 'moveNode', level: row.level, id: row.id, index };
  }
}
