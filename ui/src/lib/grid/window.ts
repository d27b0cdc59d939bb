// The rows of the month grid that are drawn: only those in view, plus a few either side, so a
// plan of thousands of tahapan scrolls smoothly. Rows are ROW_H pixels high, or taller with
// "Teks lengkap" (every text wraps): then their tops are a running sum of their heights
// (`offsets`), estimated from the text until the row has been drawn and measured.

/** A row's height in pixels when texts stay on one line; the grid's CSS draws rows this high. */
export const ROW_H = 34;
/** Rows drawn beyond each edge of the view, so a quick scroll shows no gap. */
export const OVERSCAN = 8;

/** The rows to draw, `first` inclusive to `last` exclusive, for a view `viewport` pixels high
 * scrolled to `scrollTop`, over `count` rows. */
export function rowWindow(
  scrollTop: number,
  viewport: number,
  count: number,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / ROW_H) + OVERSCAN);
  return { first, last };
}

/** The top of each row and, last, the height of them all: `offsets[i]` is row i's top. */
export function offsetsOf(heights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + heights[i]!;
  return out;
}

/** The row at pixel `y` (the last row for `y` past the end). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  let lo = 0;
  let hi = count;
  // The first row whose bottom is below y.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, count - 1));
}

/** [`rowWindow`] over rows of any height. */
export function rowWindowOf(
  scrollTop: number,
  viewport: number,
  offsets: Float64Array,
): { first: number; last: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: 0 };
  const first = Math.max(0, rowAt(offsets, scrollTop) - OVERSCAN);
  // The bottom edge belongs to the row above it.
  const bottom = Math.max(scrollTop, scrollTop + viewport - 0.5);
  const last = Math.min(count, rowAt(offsets, bottom) + 1 + OVERSCAN);
  return { first, last };
}

/** Where to scroll so row `index` is in full view below the header row, or null when it
 * already is. `height` is the scroller's inner height; `offsets` as from [`offsetsOf`]
 * (rows of ROW_H when not given). */
export function scrollToShow(
  index: number,
  scrollTop: number,
  height: number,
  offsets?: Float64Array,
): number | null {
  const top = offsets ? offsets[index]! : index * ROW_H;
  const bottom = offsets ? offsets[index + 1]! : top + ROW_H;
  // The header row (and its thicker border) covers the top of the view.
  const header = ROW_H + 4;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height - header) return bottom - height + header;
  return null;
}
