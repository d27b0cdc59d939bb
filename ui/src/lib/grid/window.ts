// The rows of the month grid that are drawn: only those in view, plus a few either side, so a
// plan of thousands of tahapan scrolls smoothly. Every row is ROW_H pixels high.

/** A row's height in pixels; the grid's CSS draws rows this high. */
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

/** Where to scroll so row `index` is in full view below the header row, or null when it
 * already is. `height` is the scroller's inner height. */
export function scrollToShow(index: number, scrollTop: number, height: number): number | null {
  const top = index * ROW_H;
  // The header row (and its thicker border) covers the top of the view.
  const header = ROW_H + 4;
  if (top < scrollTop) return top;
  if (top + ROW_H > scrollTop + height - header) return top + ROW_H - height + header;
  return null;
}
