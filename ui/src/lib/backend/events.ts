// Events from the shell: files dropped onto the window (Tauri reports the drop natively, with
// real paths, so the webview's HTML drag-and-drop is not used for files), a plan opened while
// the app runs (a second start hands it over), the progress of an evidence package being
// written and of evidence files being added.
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { BuktiProgress } from './generated/BuktiProgress';
import type { PaketProgress } from './generated/PaketProgress';
import type { MergeProgress } from './generated/MergeProgress';

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

/** Call `onRequest` whenever a second start of the app handed over a plan to open; the plan
 * is taken with `startupPath()`. */
export async function onOpenRequest(onRequest: () => void): Promise<() => void> {
  return listen('open-request', () => onRequest());
}

/** Call `onProgress` with each `paket-progress` event until the returned function is called. */
export async function onPaketProgress(onProgress: (p: PaketProgress) => void): Promise<() => void> {
  return listen<PaketProgress>('paket-progress', (event) => onProgress(event.payload));
}

/** Call `onProgress` with each `bukti-progress` event (evidence files being stored by an edit)
 * until the returned function is called. */
export async function onBuktiProgress(onProgress: (p: BuktiProgress) => void): Promise<() => void> {
  return listen<BuktiProgress>('bukti-progress', (event) => onProgress(event.payload));
}

/** Call `onProgress` with each `merge-progress` event (files of a colleague's copy being
 * copied by a merge) until the returned function is called. */
export async function onMergeProgress(onProgress: (p: MergeProgress) => void): Promise<() => void> {
  return listen<MergeProgress>('merge-progress', (event) => onProgress(event.payload));
}

/** Call `onProgress` with each `lke-progress` event (the LKE package being written) until the
 * returned function is called. */
export async function onLkeProgress(onProgress: (p: PaketProgress) => void): Promise<() => void> {
  return listen<PaketProgress>('lke-progress', (event) => onProgress(event.payload));
}
