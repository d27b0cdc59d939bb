// The words and defaults of the grid screen around the month grid: what the add buttons say,
// the question before a delete, and the month new bukti supports by default.
import { COL_FIRST_MONTH, LEVEL_LABEL, childLevel, type GridRow } from './grid.svelte';

/** What the "add beside" and "add beneath" buttons say for the selected row. */
export function addLabels(selected: GridRow | null): { sibling: string; child: string } {
  const child = selected ? childLevel(selected.level) : null;
  return {
    sibling: selected ? `+ ${LEVEL_LABEL[selected.level]} sejajar` : '+ Program',
    child: `+ ${child ? LEVEL_LABEL[child] : 'Anak'} di bawahnya`,
  };
}

/** The question asked before deleting `row`: a group says how many tahapan go with it. */
export function deleteQuestion(row: GridRow): string {
  const what = `${LEVEL_LABEL[row.level].toLowerCase()} "${row.nama || '(tanpa uraian)'}"`;
  if (row.level === 'tahapan') return `Hapus ${what}?`;
  return `Hapus ${what} beserta ${row.tahapan} tahapan di bawahnya? Penghapusan dapat diurungkan.`;
}

/** The month new bukti supports by default, as a bit mask: the cursor's month, else the first
 * month the selected row is scheduled in, else January. */
export function buktiMonth(cursorCol: number | null, selected: GridRow | null): number {
  const col = cursorCol ?? 0;
  if (col >= COL_FIRST_MONTH && col <= 12) return 1 << (col - COL_FIRST_MONTH);
  const mask = selected?.bulan ?? 0;
  return mask ? mask & -mask : 1;
}
