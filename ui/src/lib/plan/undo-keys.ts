// The plan screen's undo keys: Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ on a Mac).
// Inside a text field the keys are the field's own, and a read-only plan has nothing to undo.

/** The part of a keyboard event the undo keys read. */
export type UndoKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/** What a key does; `inTextField`: it was typed into a text field. */
export function undoKey(
  event: UndoKey,
  inTextField: boolean,
  readOnly: boolean,
): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || inTextField || readOnly) return null;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) return 'undo';
  if ((key === 'z' && event.shiftKey) || key === 'y') return 'redo';
  return null;
}
