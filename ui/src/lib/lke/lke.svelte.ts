// The LKE tab's state: the view the core made (area → indikator → butir, linked tahapan with
// their state, evidence counts), the filter "belum ada bukti" and a search, the dialogs that
// link tahapan to a butir and add or change a butir, and writing the LKE package. Numbers,
// states and counts are the core's; this file filters and words them. Components render this;
// tests drive it with a fake backend.
import type {
  Backend,
  ButirInput,
  Keadaan,
  Lke,
  LkeArea,
  LkeButir,
  LkeTahapan,
} from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { KEADAAN_LABEL } from '../backend/generated/labels';
import { baseName } from '../report/report.svelte';
import { ukuran } from '../bukti/bukti';

/** Lower-case words of `text` for searching, accents and case ignored. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The areas as shown: only butir without evidence when `belumAda`, only butir whose number,
 * text, indikator or area holds `cari`; areas and indikator left empty are dropped. */
export function saring(lke: Lke, belumAda: boolean, cari: string): LkeArea[] {
  const words = fold(cari).split(/\s+/).filter(Boolean);
  const keep = (b: LkeButir) =>
    (!belumAda || b.bukti === 0) &&
    words.every((w) => fold(`${b.nomor} ${b.butir} ${b.indikator} ${b.area}`).includes(w));
  return lke.areas
    .map((a) => ({
      ...a,
      indikator: a.indikator
        .map((i) => ({ ...i, butir: i.butir.filter(keep) }))
        .filter((i) => i.butir.length > 0),
    }))
    .filter((a) => a.indikator.length > 0);
}

/** "2 bukti dukung", or "Belum ada bukti" for a butir without any. */
export function buktiText(n: number): string {
  return n === 0 ? 'Belum ada bukti' : `${n} bukti dukung`;
}

/** "Selesai", "Terlambat", … */
export function keadaanText(k: Keadaan): string {
  return KEADAAN_LABEL[k];
}

/** The tahapan offered in the link dialog: those whose number, name or program hold `cari`,
 * the ones already chosen first. */
export function pilihanTahapan(
  all: LkeTahapan[],
  chosen: ReadonlySet<number>,
  cari: string,
): LkeTahapan[] {
  const words = fold(cari).split(/\s+/).filter(Boolean);
  const match = (t: LkeTahapan) =>
    words.every((w) => fold(`${t.nomor} ${t.nama} ${t.program}`).includes(w));
  return [
    ...all.filter((t) => chosen.has(t.id)),
    ...all.filter((t) => !chosen.has(t.id) && match(t)),
  ];
}

/** The distinct values for the form's suggestions: areas, and the indikator of `area`. */
export function saran(lke: Lke, area: string): { areas: string[]; indikator: string[] } {
  const a = lke.areas.find((x) => x.nama === area);
  return {
    areas: lke.areas.map((x) => x.nama),
    indikator: a ? a.indikator.map((i) => i.nama) : [],
  };
}

/** The butir being added (`id` null) or changed in the form. */
export interface ButirForm {
  id: number | null;
  input: ButirInput;
  error: string | null;
}

/** The butir whose tahapan are being chosen. */
export interface Tautan {
  butir: LkeButir;
  chosen: Set<number>;
  cari: string;
}

/** How an edit reaches the plan: the refusal's message, or null when it was applied, and
 * what the core answered in `created` (the number of butir an import added). */
export type EditLke = (
  edit: import('../backend/commands').Edit,
) => Promise<{ error: string | null; created: number | null }>;

export class LkeModel {
  /** The view, once it arrived. Raw: replaced whole. */
  data = $state.raw<Lke | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  /** The file just written, for "Buka folder". */
  savedPath = $state<string | null>(null);
  belumAda = $state(false);
  cari = $state('');
  form = $state<ButirForm | null>(null);
  tautan = $state<Tautan | null>(null);
  /** Percent written of the LKE package; null when none is being written. */
  progress = $state<number | null>(null);

  private readonly backend: Backend;
  private readonly editPlan: EditLke;
  private turn = 0;

  constructor(backend: Backend, editPlan: EditLke) {
    this.backend = backend;
    this.editPlan = editPlan;
  }

  async load(): Promise<void> {
    const turn = ++this.turn;
    try {
      const data = await this.backend.lke();
      if (turn !== this.turn) return;
      this.data = data;
      this.error = null;
    } catch (e) {
      if (turn === this.turn) this.error = toBackendError(e).message;
    }
  }

  get areas(): LkeArea[] {
    return this.data ? saring(this.data, this.belumAda, this.cari) : [];
  }

  /** Each tahapan by id, for the names of the links. */
  get tahapan(): ReadonlyMap<number, LkeTahapan> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- made fresh from `data`, never changed
    return new Map((this.data?.tahapan ?? []).map((t) => [t.id, t]));
  }

  private async run(edit: Parameters<EditLke>[0]): Promise<number | null | false> {
    this.notice = null;
    this.savedPath = null;
    const { error, created } = await this.editPlan(edit);
    if (error !== null) {
      this.error = error;
      return false;
    }
    this.error = null;
    await this.load();
    return created;
  }

  // --- the butir form ---------------------------------------------------------------

  add(): void {
    const last = this.data?.areas.at(-1);
    const indikator = last?.indikator.at(-1);
    this.form = {
      id: null,
      input: { area: last?.nama ?? '', indikator: indikator?.nama ?? '', butir: '' },
      error: null,
    };
  }

  change(b: LkeButir): void {
    this.form = {
      id: b.id,
      input: { area: b.area, indikator: b.indikator, butir: b.butir },
      error: null,
    };
  }

  /** Store the form; it stays open with the refusal beside it when the core refuses. */
  async submit(): Promise<boolean> {
    const form = this.form;
    if (!form) return false;
    const edit =
      form.id === null
        ? { type: 'addButir' as const, butir: form.input }
        : { type: 'updateButir' as const, id: form.id, butir: form.input };
    const { error } = await this.editPlan(edit);
    if (error !== null) {
      this.form = { ...form, error };
      return false;
    }
    this.form = null;
    await this.load();
    return true;
  }

  async remove(b: LkeButir): Promise<void> {
    await this.run({ type: 'deleteButir', id: b.id });
  }

  // --- linking tahapan ----------------------------------------------------------------

  link(b: LkeButir): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change
    this.tautan = { butir: b, chosen: new Set(b.tahapan), cari: '' };
  }

  toggle(id: number): void {
    const t = this.tautan;
    if (!t) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change
    const chosen = new Set(t.chosen);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    this.tautan = { ...t, chosen };
  }

  /** Store the chosen tahapan of the butir, in plan order. */
  async saveLink(): Promise<void> {
    const t = this.tautan;
    if (!t || !this.data) return;
    const tahapan = this.data.tahapan.filter((x) => t.chosen.has(x.id)).map((x) => x.id);
    this.tautan = null;
    await this.run({ type: 'setButirTahapan', id: t.butir.id, tahapan });
  }

  // --- the list as a whole ------------------------------------------------------------

  /** Add the template's butir (the PMPRB list of the reference document). */
  async addBawaan(): Promise<void> {
    const added = await this.run({ type: 'addLkeBawaan' });
    if (added !== false) this.notice = `${added ?? 0} butir LKE bawaan ditambahkan.`;
  }

  /** Ask for a table (area, indikator, butir) and add its butir. */
  async importTable(): Promise<void> {
    let file: string | null;
    try {
      file = await this.backend.chooseLkeFile();
    } catch (e) {
      this.error = toBackendError(e).message;
      return;
    }
    if (!file) return;
    const added = await this.run({ type: 'importLke', file });
    if (added === false) return;
    this.notice =
      added === 0
        ? `Semua butir di ${baseName(file)} sudah ada dalam rencana.`
        : `${added} butir LKE dari ${baseName(file)} ditambahkan.`;
  }

  /** Ask where to save the LKE package, then write it, following its progress. */
  async exportPaket(): Promise<void> {
    this.error = null;
    this.notice = null;
    this.savedPath = null;
    try {
      const dest = await this.backend.chooseLkePath();
      if (!dest) return;
      this.progress = 0;
      const s = await this.backend.exportLke(dest, (p) => {
        this.progress = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 0;
      });
      this.notice =
        `Paket LKE disimpan: ${baseName(s.path)} ` +
        `(${s.bukti} bukti, ${s.berkas} berkas, ${ukuran(s.bytes)})`;
      this.savedPath = s.path;
    } catch (e) {
      this.error = toBackendError(e).message;
    } finally {
      this.progress = null;
    }
  }

  async openFolder(): Promise<void> {
    if (!this.savedPath) return;
    try {
      await this.backend.openFolder(this.savedPath);
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }
}
