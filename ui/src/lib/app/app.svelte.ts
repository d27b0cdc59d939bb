// The app's page state: which plan is open, the recent list, and what to tell the user.
// Components only render this and call its methods; tests drive it with a fake backend.
import {
  BackendError,
  type Anggota,
  type Backend,
  type BuktiProgress,
  type Edit,
  type Edited,
  type Grid,
  type ImportCounts,
  type Mapping,
  type MergeChoices,
  type MergeProgress,
  type MergeResult,
  type NewPlan,
  type PlanIdentity,
  type PlanOverview,
  type RecentFile,
} from '../backend/commands';
import { toBackendError } from '../backend/ipc';

export const PLAN_EXTENSION = '.renjarb';

/** Which dropped file to open: the first plan file, else the first file (the core says why
 * it is not a plan). */
export function pickDropped(paths: string[]): string | null {
  return paths.find((p) => p.toLowerCase().endsWith(PLAN_EXTENSION)) ?? paths[0] ?? null;
}

export class AppModel {
  overview = $state<PlanOverview | null>(null);
  /** The month grid and the team of the open plan. */
  grid = $state<Grid | null>(null);
  team = $state<Anggota[]>([]);
  /** Grows whenever the plan changed other than through the identity form (undo, redo), so
   * forms showing stored values rebuild. */
  revision = $state(0);
  recent = $state<RecentFile[]>([]);
  /** A refusal or failure, shown until the next action. */
  error = $state<string | null>(null);
  /** A plan refused because it is open for editing elsewhere: the message offers to open it
   * read-only instead. */
  lockedPath = $state<string | null>(null);
  /** A completed action worth confirming ("Salinan disimpan …"). */
  notice = $state<string | null>(null);
  busy = $state(false);
  /** While a dialog that takes files is open, dropped files go to it instead of opening. */
  dropTarget: ((paths: string[]) => void) | null = null;

  readonly backend: Backend;
  /** Saves still on their way to the plan file; closing or switching plans waits for them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly pending = new Set<Promise<unknown>>();

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** Remember `save` until it settles, so no edit is lost to a close that overtakes it. */
  track<T>(save: Promise<T>): Promise<T> {
    this.pending.add(save);
    const done = () => this.pending.delete(save);
    save.then(done, done);
    return save;
  }

  /** Wait until every tracked save has settled (succeeded or failed). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Load the recent list and open a plan given on the command line. */
  async init(): Promise<void> {
    await this.refreshRecent();
    await this.openStartupPath();
  }

  /** Open the plan waiting in the shell: given on the command line, or handed over by a
   * second start of the app (a double-click on a plan while this window is open). */
  async openStartupPath(): Promise<void> {
    const path = await this.backend.startupPath();
    if (path) await this.open(path, false);
  }

  async refreshRecent(): Promise<void> {
    try {
      this.recent = await this.backend.recentFiles();
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }

  private async run(action: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      await this.settle();
      await action();
      return true;
    } catch (e) {
      const err = toBackendError(e);
      if (err.kind === 'noPlan') this.overview = null;
      this.error = err.message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async open(path: string, readOnly: boolean): Promise<boolean> {
    this.lockedPath = null;
    const ok = await this.run(async () => {
      try {
        this.overview = await this.backend.openPlan(path, readOnly);
      } catch (e) {
        if (toBackendError(e).kind === 'locked') this.lockedPath = path;
        throw e;
      }
      this.show(await this.backend.planScreen());
    });
    await this.refreshRecent();
    return ok;
  }

  /** "Buka contoh": the example plan, made by the core the first time. */
  async openContoh(): Promise<boolean> {
    const ok = await this.run(async () => {
      this.overview = await this.backend.openContoh();
      this.show(await this.backend.planScreen());
    });
    await this.refreshRecent();
    return ok;
  }

  async openWithDialog(readOnly: boolean): Promise<void> {
    const path = await this.backend.choosePlanFile().catch((e: unknown) => {
      this.error = toBackendError(e).message;
      return null;
    });
    if (path) await this.open(path, readOnly);
  }

  async openDropped(paths: string[]): Promise<void> {
    if (this.dropTarget) {
      this.dropTarget(paths);
      return;
    }
    const path = pickDropped(paths);
    if (path) await this.open(path, false);
  }

  async create(path: string, plan: NewPlan, replace: boolean): Promise<boolean> {
    const ok = await this.run(async () => {
      this.overview = await this.backend.createPlan(path, plan, replace);
      this.show(await this.backend.planScreen());
    });
    await this.refreshRecent();
    return ok;
  }

  /** Append the table read last to the open plan (one undo step); the screen follows.
   * Returns what was added, or null (the message is shown). */
  async importIntoPlan(sheet: string, mapping: Mapping): Promise<ImportCounts | null> {
    let counts: ImportCounts | null = null;
    await this.run(async () => {
      const [screen, added] = await this.track(this.backend.importIntoPlan(sheet, mapping));
      this.show(screen);
      counts = added;
    });
    return counts;
  }

  /** Merge the colleague's copy read last with `choices` as one undo step; what it did, or
   * null when refused (the reason is the app's error). */
  async mergeApply(
    choices: MergeChoices,
    onProgress: (p: MergeProgress) => void,
  ): Promise<MergeResult | null> {
    let result: MergeResult | null = null;
    await this.run(async () => {
      const [screen, done] = await this.track(this.backend.mergeApply(choices, onProgress));
      this.show(screen);
      result = done;
    });
    return result;
  }

  /** A new plan from the table read last, opened. */
  async createImported(
    path: string,
    tahun: number,
    sheet: string,
    mapping: Mapping,
    replace: boolean,
  ): Promise<boolean> {
    const ok = await this.run(async () => {
      this.overview = await this.backend.createImportedPlan(path, tahun, sheet, mapping, replace);
      this.show(await this.backend.planScreen());
    });
    await this.refreshRecent();
    return ok;
  }

  async close(): Promise<void> {
    await this.run(async () => {
      await this.backend.closePlan();
      this.overview = null;
      this.grid = null;
      this.team = [];
    });
    await this.refreshRecent();
  }

  async forget(path: string): Promise<void> {
    await this.run(async () => {
      this.recent = await this.backend.forgetRecent(path);
    });
  }

  async saveCopy(): Promise<void> {
    const dest = await this.backend.chooseCopyPath().catch((e: unknown) => {
      this.error = toBackendError(e).message;
      return null;
    });
    if (!dest) return;
    await this.run(async () => {
      await this.backend.saveCopy(dest);
      this.notice = `Salinan disimpan di ${dest}`;
    });
  }

  private show(screen: Edited): void {
    this.overview = screen.overview;
    this.grid = screen.grid;
    this.team = screen.team;
  }

  /** Apply one edit of the plan; returns what the backend answered, or null on failure
   * (the message is shown). `onProgress` hears how far storing evidence files has got, from
   * the moment this edit reaches the plan (not while it waits behind earlier ones). */
  async edit(edit: Edit, onProgress?: (p: BuktiProgress) => void): Promise<Edited | null> {
    // Edits reach the plan in the order the user made them.
    const turn = this.queue.then(() => this.applyEdit(edit, onProgress));
    this.queue = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }

  private queue: Promise<void> = Promise.resolve();

  private async applyEdit(
    edit: Edit,
    onProgress?: (p: BuktiProgress) => void,
  ): Promise<Edited | null> {
    this.error = null;
    this.notice = null;
    try {
      const screen = await this.track(this.backend.editPlan(edit, onProgress));
      this.show(screen);
      if (edit.type === 'undo' || edit.type === 'redo') this.revision += 1;
      return screen;
    } catch (e) {
      const err = toBackendError(e);
      if (err.kind === 'noPlan') this.overview = null;
      this.error = err.message;
      return null;
    }
  }

  /** Apply an edit whose refusal the caller shows beside its own field rather than at the
   * top of the screen: the refusal's message, or null when the edit was applied. */
  async editInPlace(edit: Edit): Promise<string | null> {
    if (await this.edit(edit)) return null;
    const message = this.error ?? '';
    this.error = null;
    return message;
  }

  async undo(): Promise<void> {
    if (this.grid?.undo.undo) await this.edit({ type: 'undo' });
  }

  async redo(): Promise<void> {
    if (this.grid?.undo.redo) await this.edit({ type: 'redo' });
  }

  /** Store the identity form's change; the screen (undo button included) follows. */
  async saveIdentity(identity: PlanIdentity): Promise<PlanOverview> {
    const screen = await this.track(this.backend.updateIdentity(identity));
    this.show(screen);
    return screen.overview;
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
    this.lockedPath = null;
  }

  /** "Buka hanya-baca" on the message about a plan open for editing elsewhere. */
  async openLockedReadOnly(): Promise<boolean> {
    const path = this.lockedPath;
    return path ? this.open(path, true) : false;
  }
}

export { BackendError };
