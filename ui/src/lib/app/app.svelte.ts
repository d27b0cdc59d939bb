// The app's page state: which plan is open, the recent list, and what to tell the user.
// Components only render this and call its methods; tests drive it with a fake backend.
import {
  BackendError,
  type Backend,
  type NewPlan,
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
  recent = $state<RecentFile[]>([]);
  /** A refusal or failure, shown until the next action. */
  error = $state<string | null>(null);
  /** A completed action worth confirming ("Salinan disimpan …"). */
  notice = $state<string | null>(null);
  busy = $state(false);

  readonly backend: Backend;

  constructor(backend: Backend) {
    this.backend = backend;
  }

  /** Load the recent list and open a plan given on the command line. */
  async init(): Promise<void> {
    await this.refreshRecent();
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
    const ok = await this.run(async () => {
      this.overview = await this.backend.openPlan(path, readOnly);
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
    const path = pickDropped(paths);
    if (path) await this.open(path, false);
  }

  async create(path: string, plan: NewPlan, replace: boolean): Promise<boolean> {
    const ok = await this.run(async () => {
      this.overview = await this.backend.createPlan(path, plan, replace);
    });
    await this.refreshRecent();
    return ok;
  }

  async close(): Promise<void> {
    await this.run(async () => {
      await this.backend.closePlan();
      this.overview = null;
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

  /** The identity form stored a change. */
  identitySaved(overview: PlanOverview): void {
    this.overview = overview;
  }

  dismiss(): void {
    this.error = null;
    this.notice = null;
  }
}

export { BackendError };
