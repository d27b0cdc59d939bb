// The month grid's widths and heights: "Teks lengkap" (every text cell wraps to its full text
// and rows grow), the width of the Uraian column (dragged by its edge, remembered per plan on
// this computer), and the row tops the virtualised rendering draws from (window.ts).
//
// The twelve months always stay in view: the Uraian column gives up width first (down to
// NAME_MIN) when the grid is narrow, e.g. with the evidence panel open on a laptop. Kriteria
// and penanggung jawab come after the months and scroll into view sideways.
import { keyOf, type VisibleRow } from './grid.svelte';
import { ROW_H, offsetsOf } from './window';

export const COL_NO = 52;
export const COL_MONTH = 38;
export const COL_KRITERIA = 320;
export const COL_PJ = 220;
export const NAME_DEFAULT = 420;
export const NAME_MIN = 180;
export const NAME_MAX = 1200;

/** Text metrics of the grid's 13 px font, for estimating a wrapped row before it is drawn. */
const CHAR_W = 6.6;
const LINE_H = 18;
/** A text cell's horizontal padding (8 + 8) and border; the vertical padding of a wrapped row. */
const H_PAD = 17;
const V_PAD = 14;
/** The name cell's fold button, gaps and level word ("KEGIATAN") before the name. */
const NAME_LEAD = 26;
const KIND_W = 70;

/** What is remembered per plan on this computer. */
export interface GridPrefs {
  uraian: number;
  wrap: boolean;
}

/** The part of the Web Storage API used here (localStorage in the app, a map in tests). */
export type PrefStore = Pick<Storage, 'getItem' | 'setItem'>;

export function prefsKey(planPath: string): string {
  return `renja:kisi:${planPath}`;
}

function clampName(width: number): number {
  return Math.round(Math.min(NAME_MAX, Math.max(NAME_MIN, width)));
}

/** The remembered settings of the plan at `planPath`, or the defaults. */
export function loadPrefs(store: PrefStore | null, planPath: string): GridPrefs {
  const fallback = { uraian: NAME_DEFAULT, wrap: false };
  try {
    const raw = store?.getItem(prefsKey(planPath));
    if (!raw) return fallback;
    const p = JSON.parse(raw) as Partial<GridPrefs>;
    return {
      uraian:
        typeof p.uraian === 'number' && isFinite(p.uraian) ? clampName(p.uraian) : NAME_DEFAULT,
      wrap: p.wrap === true,
    };
  } catch {
    // A damaged entry (or storage refused) costs only the remembered width.
    return fallback;
  }
}

export function savePrefs(store: PrefStore | null, planPath: string, prefs: GridPrefs): void {
  try {
    store?.setItem(prefsKey(planPath), JSON.stringify(prefs));
  } catch {
    // Storage full or refused: the setting lasts for this session only.
  }
}

/** The width the Uraian column gets: the chosen one, narrowed so the twelve months fit in
 * `available` pixels (the grid's inner width), never below NAME_MIN. */
export function nameWidth(chosen: number, available: number): number {
  if (available <= 0) return clampName(chosen);
  return clampName(Math.min(chosen, available - COL_NO - 12 * COL_MONTH - 2));
}

function lines(text: string, width: number): number {
  if (!text) return 1;
  const perLine = Math.max(1, Math.floor((width - H_PAD) / CHAR_W));
  // Each explicit line break starts a line of its own.
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** A wrapped row's height before it has been drawn: its tallest text cell. */
export function estimateHeight(
  v: VisibleRow,
  widths: { name: number; kriteria: boolean; pj: boolean },
): number {
  const row = v.row;
  const lead = v.depth * 16 + NAME_LEAD + (row.level === 'tahapan' ? 0 : KIND_W);
  let n = lines(row.nama, widths.name - lead);
  if (widths.kriteria) n = Math.max(n, lines(row.kriteria, COL_KRITERIA));
  if (widths.pj) n = Math.max(n, lines(row.penanggung_jawab, COL_PJ));
  return n === 1 ? ROW_H : Math.max(ROW_H, n * LINE_H + V_PAD);
}

export class GridLayout {
  /** "Teks lengkap": every text cell shows its whole text. */
  wrap = $state(false);
  /** The Uraian width the user chose. */
  uraian = $state(NAME_DEFAULT);
  /** The grid's inner width, from the view. */
  available = $state(0);
  /** Heights of drawn rows, by row key, while wrapping; `measuredVersion` tells when it grew.
   * Plain (not state): `offsets` forgets them when the widths they were measured at change. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive
  private measured = new Map<string, number>();
  private measuredAt = '';
  measuredVersion = $state(0);
  private resizing: { x: number; from: number } | null = null;

  readonly name = $derived(nameWidth(this.uraian, this.available));

  constructor(prefs: GridPrefs) {
    this.wrap = prefs.wrap;
    this.uraian = prefs.uraian;
  }

  get prefs(): GridPrefs {
    return { uraian: this.uraian, wrap: this.wrap };
  }

  /** Record the drawn heights of rows; true when any changed. */
  measure(rows: Iterable<[string, number]>): boolean {
    let changed = false;
    for (const [key, h] of rows) {
      if (h > 0 && this.measured.get(key) !== h) {
        this.measured.set(key, h);
        changed = true;
      }
    }
    if (changed) this.measuredVersion++;
    return changed;
  }

  /** The tops of `visible` rows (see window.ts): ROW_H each, or measured/estimated heights. */
  offsets(visible: VisibleRow[], kriteria: boolean, pj: boolean): Float64Array {
    if (!this.wrap) return offsetsOf(new Float64Array(visible.length).fill(ROW_H));
    void this.measuredVersion;
    const widths = { name: this.name, kriteria, pj };
    const at = JSON.stringify(widths);
    if (at !== this.measuredAt) {
      this.measured.clear();
      this.measuredAt = at;
    }
    return offsetsOf(
      visible.map((v) => this.measured.get(keyOf(v.row)) ?? estimateHeight(v, widths)),
    );
  }

  beginResize(x: number): void {
    this.resizing = { x, from: this.name };
  }

  /** Drag the Uraian edge to `x`; true while a drag is on. */
  resizeTo(x: number): boolean {
    if (!this.resizing) return false;
    this.uraian = clampName(this.resizing.from + x - this.resizing.x);
    return true;
  }

  /** End a drag; true when one was on (the caller saves the width). */
  endResize(): boolean {
    const was = this.resizing !== null;
    this.resizing = null;
    return was;
  }

  /** Widen (+1) or narrow (-1) the Uraian column by a step, from the keyboard. */
  step(direction: 1 | -1): void {
    this.uraian = clampName(this.name + direction * 40);
  }
}
