import { describe, expect, it } from 'vitest';
import { OVERSCAN, ROW_H, offsetsOf, rowAt, rowWindow, rowWindowOf, scrollToShow } from './window';

describe('the rows drawn', () => {
  it('draws the rows in view and a few either side, never past the ends', () => {
    expect(rowWindow(0, 10 * ROW_H, 1000)).toEqual({ first: 0, last: 10 + OVERSCAN });
    expect(rowWindow(100 * ROW_H, 10 * ROW_H, 1000)).toEqual({
      first: 100 - OVERSCAN,
      last: 110 + OVERSCAN,
    });
    expect(rowWindow(995 * ROW_H, 10 * ROW_H, 1000)).toEqual({ first: 995 - OVERSCAN, last: 1000 });
    expect(rowWindow(0, 600, 3)).toEqual({ first: 0, last: 3 });
  });

  it('scrolls only as far as needed to show the cursor row below the header', () => {
    const height = 10 * ROW_H;
    // In view: stay.
    expect(scrollToShow(3, 0, height)).toBeNull();
    // Above the view: its top goes to the top.
    expect(scrollToShow(5, 20 * ROW_H, height)).toBe(5 * ROW_H);
    // Below the view: its bottom goes to the bottom, clear of the header row.
    expect(scrollToShow(30, 0, height)).toBe(31 * ROW_H - height + ROW_H + 4);
    // Hidden under the header at the bottom edge counts as out of view.
    expect(scrollToShow(9, 0, height)).toBe(10 * ROW_H - height + ROW_H + 4);
  });
});

describe('rows of different heights', () => {
  const heights = [34, 100, 34, 68];
  const offsets = offsetsOf(heights);

  it('puts each row below the one before', () => {
    expect([...offsets]).toEqual([0, 34, 134, 168, 236]);
  });

  it('finds the row under a pixel', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 33.9)).toBe(0);
    expect(rowAt(offsets, 34)).toBe(1);
    expect(rowAt(offsets, 133)).toBe(1);
    expect(rowAt(offsets, 200)).toBe(3);
    expect(rowAt(offsets, 10_000)).toBe(3);
  });

  it('draws the same rows as the fixed-height window when every row is ROW_H', () => {
    const even = offsetsOf(new Array(1000).fill(ROW_H));
    for (const top of [0, 17, 100 * ROW_H, 500 * ROW_H + 5, 995 * ROW_H]) {
      expect(rowWindowOf(top, 10 * ROW_H, even)).toEqual(rowWindow(top, 10 * ROW_H, 1000));
    }
  });

  it('draws the tall rows in view and a few either side', () => {
    const tall = offsetsOf(Array.from({ length: 200 }, (_, i) => (i % 2 ? 102 : 34)));
    // Row 100 starts at 50 * 136 = 6800; a 300 px view covers rows 100–104.
    expect(rowWindowOf(6800, 300, tall)).toEqual({ first: 100 - OVERSCAN, last: 105 + OVERSCAN });
    expect(rowWindowOf(0, 300, offsetsOf([]))).toEqual({ first: 0, last: 0 });
  });

  it('scrolls a tall row fully into view', () => {
    // Row 1 (34–134) in a view of 100 px scrolled to 0: its bottom goes above the header.
    expect(scrollToShow(1, 0, 100, offsets)).toBe(134 - 100 + ROW_H + 4);
    expect(scrollToShow(0, 50, 100, offsets)).toBe(0);
  });
});
