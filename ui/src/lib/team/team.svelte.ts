// The Tim RB member form: adding a member, or changing the one chosen from the table, and
// deleting one. Every change is a plan edit (`app.edit`), so undo comes with it.
import type { AppModel } from '../app/app.svelte';
import type { Anggota } from '../backend/commands';
import { blankAnggota, type AnggotaInput } from './team';

export class AnggotaForm {
  values = $state<AnggotaInput>(blankAnggota());
  /** The member being changed; null adds a new one. */
  editing = $state<number | null>(null);
  private readonly app: AppModel;

  constructor(app: AppModel) {
    this.app = app;
  }

  /** Fill the form with a member, to change them. */
  edit(a: Anggota): void {
    this.editing = a.id;
    this.values = { nama: a.nama, nip: a.nip, jabatan: a.jabatan, peran: a.peran, pokja: a.pokja };
  }

  /** Back to a blank form for a new member. */
  reset(): void {
    this.editing = null;
    this.values = blankAnggota();
  }

  /** Store the form; on success it is blank again, on a refusal it keeps what was typed. */
  async submit(): Promise<boolean> {
    const anggota = $state.snapshot(this.values);
    const done =
      this.editing === null
        ? await this.app.edit({ type: 'addAnggota', anggota })
        : await this.app.edit({ type: 'updateAnggota', id: this.editing, anggota });
    if (done) this.reset();
    return done !== null;
  }

  /** Delete a member (the user already confirmed). */
  async remove(a: Anggota): Promise<void> {
    await this.app.edit({ type: 'deleteAnggota', id: a.id });
  }
}
