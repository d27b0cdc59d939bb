import { describe, expect, it } from 'vitest';
import { undoKey } from './undo-keys';

const press = (
  key: string,
  over: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean } = {},
) => ({
  key,
  ctrlKey: true,
  metaKey: false,
  shiftKey: false,
  ...over,
});

describe('undo keys', () => {
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; ⌘ works as Ctrl', () => {
    expect(undoKey(press('z'), false, false)).toBe('undo');
    expect(undoKey(press('Z', { shiftKey: true }), false, false)).toBe('redo');
    expect(undoKey(press('y'), false, false)).toBe('redo');
    expect(undoKey(press('z', { ctrlKey: false, metaKey: true }), false, false)).toBe('undo');
  });

  it('leaves the keys alone without Ctrl, in a text field, or in a read-only plan', () => {
    expect(undoKey(press('z', { ctrlKey: false }), false, false)).toBeNull();
    expect(undoKey(press('z'), true, false)).toBeNull();
    expect(undoKey(press('y'), false, true)).toBeNull();
    expect(undoKey(press('s'), false, false)).toBeNull();
  });
});
