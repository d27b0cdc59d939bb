// The month grid's keyboard: which key does what. `pressKey` changes the grid's state (the
// cursor, folds, the text being edited) and answers what is left for the view to do (scroll,
// store an edit, open a dialog, focus the editor). The view only carries that out.
import type { Edit } from '../backend/generated/Edit';
import {
  COL_FIRST_MONTH,
  COL_KRITERIA,
  COL_NAME,
  GridModel,
  keyOf,
  type GridRow,
} from './grid.svelte';

/** The part of a keyboard event the grid reads. */
export interface Key {
  key: string;
  altKey: boolean;
}

/** Rows a page key moves. */
export const PAGE_ROWS = 15;

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  PageUp: [-PAGE_ROWS, 0],
  PageDown: [PAGE_ROWS, 0],
};

/** What a key left for the view to do. Every outcome but `folded` takes the key from the
 * browser (`preventDefault`). */
export type KeyOutcome =
  /** The cursor moved: scroll it into view. */
  | { type: 'moved' }
  /** Store this edit (none: the key changed nothing). */
  | { type: 'edit'; edit: Edit | null }
  /** Open the realisasi of a tahapan for `bulan` (1–12). */
  | { type: 'record'; row: GridRow; bulan: number }
  /** A text editor opened on the cursor's cell: focus it. */
  | { type: 'editing' }
  /** Ask whether to delete the current row. */
  | { type: 'delete' }
  /** The key is the grid's, and there was nothing to do. */
  | { type: 'handled' }
  /** A group was folded or unfolded; the key keeps its default. */
  | { type: 'folded' };

/** In realisasi mode, the month cell of a tahapan under the cursor, to record. */
function recordAtCursor(model: GridModel, readOnly: boolean): KeyOutcome | null {
  const v = model.current;
  const col = model.cursor?.col ?? COL_NAME;
  if (model.mode !== 'realisasi' || readOnly || !v || v.row.level !== 'tahapan') return null;
  if (col < COL_FIRST_MONTH || col >= COL_KRITERIA) return null;
  return { type: 'record', row: v.row, bulan: col - COL_FIRST_MONTH + 1 };
}

/**
 * A key pressed on the grid (not in its text editor). Arrows and PageUp/PageDown move the
 * cursor; Alt+↑/↓ moves the row among its siblings; Space schedules the month under the
 * cursor (in realisasi mode Space and Enter open the month's record); Enter or F2 edits a text
 * cell; + and − unfold and fold; Delete asks to delete the row. Null: not the grid's key.
 */
export function pressKey(model: GridModel, event: Key, readOnly: boolean): KeyOutcome | null {
  if (model.editing) return null;
  const { key } = event;
  const move = MOVES[key];
  if (move && event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
    return { type: 'edit', edit: readOnly ? null : model.shift(key === 'ArrowUp' ? -1 : 1) };
  }
  if (move) {
    model.move(move[0], move[1]);
    return { type: 'moved' };
  }
  if (key === ' ' || key === 'Enter') {
    const record = recordAtCursor(model, readOnly);
    if (record) return record;
  }
  if (key === ' ') return { type: 'edit', edit: readOnly ? null : model.toggleAtCursor() };
  if (key === 'Enter' || key === 'F2') {
    return !readOnly && model.beginEdit() ? { type: 'editing' } : { type: 'handled' };
  }
  if (key === '+' || key === '-') {
    const v = model.current;
    const folded = v ? model.collapsed.has(keyOf(v.row)) : false;
    // "+" opens a folded group, "−" folds an open one; anything else is left alone.
    if (!v?.hasChildren || folded !== (key === '+')) return null;
    model.toggleFold(v.row);
    return { type: 'folded' };
  }
  if (key === 'Delete' && !readOnly && model.current) return { type: 'delete' };
  return null;
}

/** What a key in the cell's text editor did: stored the text (the edit, if it changed),
 * cancelled it, or nothing (the key is typing). */
export type EditorOutcome = { type: 'commit'; edit: Edit | null } | { type: 'cancel' } | null;

export function pressEditorKey(model: GridModel, key: string): EditorOutcome {
  if (key === 'Enter') return { type: 'commit', edit: model.commitEdit() };
  if (key === 'Escape') {
    model.cancelEdit();
    return { type: 'cancel' };
  }
  return null;
}
