import { describe, expect, it } from 'vitest';
import { OVERSCAN, ROW_H, rowWindow, scrollToShow } from './window';

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
