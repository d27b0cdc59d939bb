// State of the "Gabungkan dari berkas rekan…" dialog: the colleague's copy (kept read-only by
// the shell), the preview of what it brings, the side the user picks for each conflict, and
// the merge itself with its progress. Every change of a choice asks the shell for a new
// preview; an answer that arrives after a later change is dropped.
import type {
  Backend,
  ChangeKind,
  MergeChoices,
  MergeConflict,
  MergePreview,
  MergeProgress,
  Side,
} from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import type { AppModel } from '../app/app.svelte';

export const KIND_LABEL: Record<ChangeKind, string> = {
  added: 'Baru',
  changed: 'Diubah',
  moved: 'Dipindah',
  deleted: 'Dihapus',
};

export const SIDE_LABEL: Record<Side, string> = {
  ours: 'Dari saya',
  theirs: 'Dari rekan',
};

/** "1,2 MB", "640 KB", "12 byte": sizes as the dialog shows them. */
export function ukuran(bytes: number): string {
  const fmt = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

const WAKTU = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2025-03-14T09:30:00.000Z" as "14 Mar 2025 16.30" in the user's time zone. */
export function waktu(stamp: string | null): string {
  if (!stamp) return '';
  const ms = Date.parse(stamp);
  if (Number.isNaN(ms)) return stamp;
  return WAKTU.format(ms);
}

/** One line summing up the preview. */
export function summary(p: MergePreview): string {
  if (p.changes === 0 && p.conflicts.length === 0)
    return 'Tidak ada yang baru: semua isi berkas rekan sudah ada di rencana ini.';
  const parts = [`${p.changes} perubahan`];
  if (p.conflicts.length) parts.push(`${p.conflicts.length} perbedaan`);
  if (p.new_files) parts.push(`${p.new_files} berkas baru (${ukuran(p.new_bytes)})`);
  return parts.join(' · ');
}

export class MergeForm {
  preview = $state<MergePreview | null>(null);
  path = $state<string | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  merging = $state(false);
  progress = $state<MergeProgress | null>(null);
  /** The side chosen for each conflict, by its id. */
  choices = $state<Record<string, Side>>({});
  samePlan = $state(false);
  private asked = 0;
  private readonly app: AppModel;
  private readonly backend: Backend;

  constructor(app: AppModel) {
    this.app = app;
    this.backend = app.backend;
  }

  get request(): MergeChoices {
    return {
      same_plan: this.samePlan,
      prefer: null,
      per_conflict: Object.entries(this.choices),
    };
  }

  /** Conflicts still without a side. */
  get open(): MergeConflict[] {
    return (this.preview?.conflicts ?? []).filter((c) => !this.choices[c.id]);
  }

  get canMerge(): boolean {
    const p = this.preview;
    return (
      !!p &&
      !p.other_plan &&
      !this.loading &&
      !this.merging &&
      this.open.length === 0 &&
      (p.changes > 0 || p.conflicts.length > 0)
    );
  }

  /** Pick the colleague's file with the open dialog and preview it; false when cancelled. */
  async chooseFile(): Promise<boolean> {
    let path: string | null;
    try {
      path = await this.backend.chooseMergeFile();
    } catch (e) {
      this.error = toBackendError(e).message;
      return false;
    }
    return path ? this.read(path) : false;
  }

  async read(path: string): Promise<boolean> {
    this.path = path;
    this.choices = {};
    this.samePlan = false;
    return this.load(() => this.backend.mergeRead(path));
  }

  /** The user says a file of another plan is the same plan. */
  async confirmSamePlan(): Promise<void> {
    this.samePlan = true;
    await this.refresh();
  }

  async choose(id: string, side: Side): Promise<void> {
    this.choices = { ...this.choices, [id]: side };
    await this.refresh();
  }

  /** "Semua dari saya" / "Semua dari rekan". */
  async chooseAll(side: Side): Promise<void> {
    const all: Record<string, Side> = {};
    for (const c of this.preview?.conflicts ?? []) all[c.id] = side;
    this.choices = all;
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    await this.load(() => this.backend.mergePreview(this.request));
  }

  private async load(read: () => Promise<MergePreview>): Promise<boolean> {
    const asked = ++this.asked;
    this.loading = true;
    this.error = null;
    try {
      const preview = await read();
      if (asked !== this.asked) return false;
      this.preview = preview;
      return true;
    } catch (e) {
      if (asked === this.asked) this.error = toBackendError(e).message;
      return false;
    } finally {
      if (asked === this.asked) this.loading = false;
    }
  }

  /** "Gabungkan": true when done (the dialog closes and the app says what changed). */
  async submit(): Promise<boolean> {
    if (!this.canMerge || !this.preview) return false;
    const from = this.preview.source.file_name;
    this.merging = true;
    this.progress = null;
    try {
      const result = await this.app.mergeApply(this.request, (p) => (this.progress = p));
      if (!result) {
        // Shown in the dialog, where the user is looking.
        this.error = this.app.error;
        this.app.error = null;
        return false;
      }
      const files = result.files_copied ? `, ${result.files_copied} berkas disalin` : '';
      this.app.notice = `Digabungkan dari ${from}: ${result.changes} perubahan${files}. Urungkan (Ctrl+Z) untuk membatalkan.`;
      return true;
    } finally {
      this.merging = false;
    }
  }

  /** The dialog closes without merging: the shell lets go of the colleague's copy. */
  async forget(): Promise<void> {
    await this.backend.mergeForget().catch(() => {});
  }
}
