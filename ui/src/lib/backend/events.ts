// Files dropped onto the window. Tauri reports the drop natively (with real paths), so the
// webview's HTML drag-and-drop is not used for files.
import { getCurrentWebview } from '@tauri-apps/api/webview';

export type DropState = 'over' | 'left' | 'dropped';

/** Call `onState` while a file is dragged over the window and `onDrop` with the paths. */
export async function onFileDrop(
  onState: (state: DropState) => void,
  onDrop: (paths: string[]) => void,
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === 'enter' || p.type === 'over') onState('over');
    else if (p.type === 'leave') onState('left');
    else if (p.type === 'drop') {
      onState('dropped');
      onDrop(p.paths);
    }
  });
}
