// The LKE butir a bukti dukung answers, as the bukti dialog shows and changes them: its own
// butir, or (none chosen) those of its tahapan. The checklist that chooses them lists the
// plan's butir grouped by area and indikator, narrowed by a search. Nothing reaches the plan
// here: the dialog's "Simpan" sends `edit` (one `setBuktiButir`) when the choice of an
// existing bukti changed, and a new bukti's own butir (`forNew`) with the edit that adds it.
import type { Backend, Edit, Lke, LkeArea, LkeButir } from '../backend/commands';
import { toBackendError } from '../backend/ipc';
import { fold } from '../lke/lke.svelte';

/** Every butir of the plan, in plan order. */
export function semuaButir(lke: Lke): LkeButir[] {
  return lke.areas.flatMap((a) => a.indikator.flatMap((i) => i.butir));
}

/** The butir linked to tahapan `tahapan`: what its evidence answers by default. */
export function butirTahapan(lke: Lke, tahapan: number): LkeButir[] {
  return semuaButir(lke).filter((b) => b.tahapan.includes(tahapan));
}

/** "1.a.1, 1.b.1". */
export function nomorText(butir: LkeButir[]): string {
  return butir.map((b) => b.nomor).join(', ');
}

/** The checklist's groups: butir whose number, text, indikator or area hold every word of
 * `cari`, and those in `kept` whatever the search (the ticked ones, so they can be unticked
 * and ticked again); areas and indikator left empty are dropped. */
export function pilihanButir(lke: Lke, kept: ReadonlySet<number>, cari: string): LkeArea[] {
  const words = fold(cari).split(/\s+/).filter(Boolean);
  const keep = (b: LkeButir) =>
    kept.has(b.id) ||
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

/** The checklist while it is open. */
export interface Pilih {
  chosen: ReadonlySet<number>;
  /** Shown whatever the search: ticked when the checklist opened, or ticked or unticked since. */
  kept: ReadonlySet<number>;
  cari: string;
}

const sama = (a: number[] | null, b: number[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);

/** The "Butir LKE" field of the bukti dialog. */
export class ButirBukti {
  /** The plan's butir, once they arrived. Raw: replaced whole. */
  lke = $state.raw<Lke | null>(null);
  /** The butir the bukti chose itself, by id in plan order; null: it follows its tahapan. */
  own = $state.raw<number[] | null>(null);
  /** The checklist, while open. */
  pilih = $state.raw<Pilih | null>(null);
  /** Why the butir could not be read; the field can then change nothing. */
  error = $state<string | null>(null);
  /** The choice as stored in the plan, to send only a change. */
  private stored: number[] | null = null;
  private readonly backend: Backend;
  private readonly tahapan: number;
  private readonly bukti: number | null;

  /** `bukti`: the bukti being changed; null for a new one (it follows its tahapan unless
   * butir are chosen before it is saved). */
  constructor(backend: Backend, tahapan: number, bukti: number | null) {
    this.backend = backend;
    this.tahapan = tahapan;
    this.bukti = bukti;
  }

  async load(): Promise<void> {
    try {
      const bukti = this.bukti;
      const [lke, mine] = await Promise.all([
        this.backend.lke(),
        bukti === null ? null : this.backend.buktiButir(bukti),
      ]);
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never changed
      const order = new Map(semuaButir(lke).map((b, i) => [b.id, i]));
      const own =
        mine?.own === true
          ? mine.butir
              .filter((id) => order.has(id))
              .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
          : null;
      this.lke = lke;
      this.own = own;
      this.stored = own;
      this.error = null;
    } catch (e) {
      this.error = `Butir LKE tidak dapat dibaca: ${toBackendError(e).message}`;
    }
  }

  /** The plan holds no butir at all: there is nothing to choose. */
  get kosong(): boolean {
    return this.lke !== null && semuaButir(this.lke).length === 0;
  }

  /** The butir the bukti answers now, as chosen in the dialog. */
  get butir(): LkeButir[] {
    if (!this.lke) return [];
    const own = this.own;
    if (own === null) return butirTahapan(this.lke, this.tahapan);
    const all = semuaButir(this.lke);
    return own.flatMap((id) => all.filter((b) => b.id === id));
  }

  /** What the field says: "Mengikuti tahapan: 1.a.1, 1.b.1", "Butir sendiri: 2.a.1", … */
  get text(): string {
    if (this.error) return this.error;
    if (!this.lke) return 'Memuat butir LKE…';
    if (this.kosong) return 'Rencana ini belum memiliki butir LKE. Tambahkan butir di tab LKE.';
    const list = nomorText(this.butir);
    if (this.own !== null) return `Butir sendiri: ${list}`;
    return list
      ? `Mengikuti tahapan: ${list}`
      : 'Mengikuti tahapan: belum ada butir yang ditautkan ke tahapan ini.';
  }

  /** The checklist can be opened: the butir arrived and there are some. */
  get canChoose(): boolean {
    return this.lke !== null && !this.kosong && this.error === null;
  }

  /** Open the checklist with the butir answered now ticked. */
  open(): void {
    if (!this.canChoose) return;
    const ids = this.butir.map((b) => b.id);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change
    this.pilih = { chosen: new Set(ids), kept: new Set(ids), cari: '' };
  }

  close(): void {
    this.pilih = null;
  }

  search(cari: string): void {
    if (this.pilih) this.pilih = { ...this.pilih, cari };
  }

  toggle(id: number): void {
    const p = this.pilih;
    if (!p) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change
    const chosen = new Set(p.chosen);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on every change
    const kept = new Set([...p.kept, id]);
    this.pilih = { ...p, chosen, kept };
  }

  /** The checklist's groups as shown. */
  get groups(): LkeArea[] {
    return this.lke && this.pilih ? pilihanButir(this.lke, this.pilih.kept, this.pilih.cari) : [];
  }

  /** Take the ticked butir as the bukti's own; none ticked: it follows its tahapan. */
  apply(): void {
    const p = this.pilih;
    if (!p || !this.lke) return;
    const own = semuaButir(this.lke)
      .filter((b) => p.chosen.has(b.id))
      .map((b) => b.id);
    this.own = own.length ? own : null;
    this.pilih = null;
  }

  /** Go back to the tahapan's butir. */
  follow(): void {
    this.own = null;
    this.pilih = null;
  }

  /** A new bukti's own butir, sent with the edit that adds it (one undo step); undefined
   * when it follows its tahapan, or for an existing bukti (see `edit`). */
  get forNew(): number[] | undefined {
    return this.bukti === null && this.own !== null ? [...this.own] : undefined;
  }

  /** The edit that stores the choice of an existing bukti, or null when it is as stored (or
   * cannot be stored, or the bukti is new: see `forNew`). */
  get edit(): Edit | null {
    if (this.bukti === null || this.lke === null || sama(this.own, this.stored)) return null;
    return { type: 'setBuktiButir', id: this.bukti, butir: this.own ?? [] };
  }

  /** The choice reached the plan. */
  saved(): void {
    this.stored = this.own;
  }
}
