// The identity form: each field is saved on its own as soon as the user leaves it, merged
// onto the last stored identity, so one field the core refuses never blocks the others.
import { BackendError, type PlanIdentity, type PlanOverview } from '../backend/commands';
import { toBackendError } from '../backend/ipc';

export type Field = keyof PlanIdentity;

export interface FieldDef {
  key: Field;
  label: string;
  kind?: 'text' | 'year' | 'date' | 'nip' | 'email';
  wide?: boolean;
  hint?: string;
}

export interface FieldGroup {
  title: string;
  fields: FieldDef[];
}

export const GROUPS: FieldGroup[] = [
  {
    title: 'Instansi',
    fields: [
      { key: 'pemerintah_daerah', label: 'Pemerintah daerah', wide: true },
      { key: 'instansi', label: 'Instansi / perangkat daerah', wide: true },
      { key: 'unit_kerja', label: 'Unit kerja' },
      { key: 'tahun', label: 'Tahun rencana', kind: 'year' },
      { key: 'alamat', label: 'Alamat', wide: true },
      { key: 'telepon', label: 'Telepon / faks' },
      { key: 'kode_pos', label: 'Kode pos' },
      { key: 'email', label: 'Email', kind: 'email', wide: true },
      { key: 'laman', label: 'Laman (situs web)', wide: true },
    ],
  },
  {
    title: 'Keputusan penetapan',
    fields: [
      { key: 'nomor_keputusan', label: 'Nomor keputusan', wide: true },
      { key: 'tanggal_keputusan', label: 'Tanggal ditetapkan', kind: 'date', wide: true },
      { key: 'tempat_penetapan', label: 'Ditetapkan di' },
    ],
  },
  {
    title: 'Pejabat',
    fields: [
      // Each signer as a signature block prints them: name, pangkat/golongan, NIP.
      { key: 'kepala_nama', label: 'Kepala perangkat daerah', wide: true },
      {
        key: 'kepala_pangkat',
        label: 'Pangkat/golongan kepala',
        hint: 'mis. Pembina Utama Muda (IV/c)',
      },
      { key: 'kepala_nip', label: 'NIP kepala', kind: 'nip', hint: '18 angka' },
      { key: 'ketua_nama', label: 'Ketua Tim RB', wide: true },
      { key: 'ketua_pangkat', label: 'Pangkat/golongan ketua Tim RB', hint: 'mis. Pembina (IV/a)' },
      { key: 'ketua_nip', label: 'NIP ketua Tim RB', kind: 'nip', hint: '18 angka' },
    ],
  },
];

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export class IdentityForm {
  values = $state<PlanIdentity>() as PlanIdentity;
  errors = $state<Partial<Record<Field, string>>>({});
  status = $state<SaveStatus>('idle');
  private stored: PlanIdentity;
  private readonly save: (identity: PlanIdentity) => Promise<PlanOverview>;
  private readonly onSaved?: (overview: PlanOverview) => void;

  constructor(
    initial: PlanIdentity,
    save: (identity: PlanIdentity) => Promise<PlanOverview>,
    onSaved?: (overview: PlanOverview) => void,
  ) {
    this.values = { ...initial };
    this.stored = { ...initial };
    this.save = save;
    this.onSaved = onSaved;
  }

  /** Saves run one after another: each sends the stored identity with one field changed,
   * so a save started before the previous one returned would send that field's old value
   * back (seen as a lost edit when fields are left quickly one after another). */
  private queue: Promise<void> = Promise.resolve();
  /** Commits asked for and not finished: "tersimpan" is shown only when none is left, so
   * nobody closes the plan on the word of a save while the next one still waits. */
  private waiting = 0;

  /** The user left `field`: store it if it changed. */
  commit(field: Field): Promise<void> {
    this.waiting += 1;
    const run = this.queue
      .then(() => this.commitNow(field))
      .finally(() => {
        this.waiting -= 1;
        if (this.waiting === 0 && this.status === 'saving') this.status = 'saved';
      });
    this.queue = run.catch(() => {});
    return run;
  }

  private async commitNow(field: Field): Promise<void> {
    const value = this.values[field];
    if (value === this.stored[field]) {
      delete this.errors[field];
      return;
    }
    if (field === 'tahun' && (typeof value !== 'number' || !Number.isInteger(value))) {
      this.errors[field] = 'Tahun harus diisi dengan angka, misalnya 2026.';
      this.status = 'error';
      return;
    }
    this.status = 'saving';
    try {
      const overview = await this.save({ ...this.stored, [field]: value });
      this.stored = { ...overview.identity };
      // Show what was stored (trimmed text, NIP without spaces).
      (this.values as Record<Field, unknown>)[field] = overview.identity[field];
      delete this.errors[field];
      // 'saved' once nothing else waits (see `commit`).
      this.onSaved?.(overview);
    } catch (e) {
      const err: BackendError = toBackendError(e);
      this.errors[(err.field as Field | null) ?? field] = err.message;
      this.status = 'error';
    }
  }
}
