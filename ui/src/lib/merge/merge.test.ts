import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import { BackendError } from '../backend/ipc';
import { FakeBackend, overview } from '../testing/fake-backend';
import { MergeForm, summary, ukuran, waktu } from './merge.svelte';

async function openApp() {
  const backend = new FakeBackend();
  backend.current = overview('/home/sekretariat/Rencana RB.renjarb');
  const app = new AppModel(backend);
  await app.open('/home/sekretariat/Rencana RB.renjarb', false);
  return { backend, app };
}

describe('the merge dialog', () => {
  it('reads the chosen copy and cannot merge until every conflict has a side', async () => {
    const { backend, app } = await openApp();
    const form = new MergeForm(app);
    expect(await form.chooseFile()).toBe(true);
    expect(backend.calls).toContain('mergeRead /home/pokja/Unduhan/Rencana Pokja.renjarb');
    expect(form.preview?.conflicts).toHaveLength(1);
    expect(form.open).toHaveLength(1);
    expect(form.canMerge).toBe(false);
    expect(await form.submit()).toBe(false);
    expect(backend.merged).toEqual([]);

    await form.choose('t-1', 'theirs');
    expect(backend.mergeChoicesSeen.at(-1)?.per_conflict).toEqual([['t-1', 'theirs']]);
    expect(form.open).toHaveLength(0);
    expect(form.canMerge).toBe(true);
    expect(await form.submit()).toBe(true);
    expect(backend.merged).toEqual([
      { same_plan: false, prefer: null, per_conflict: [['t-1', 'theirs']] },
    ]);
    expect(form.progress).toEqual({ done: 48213, total: 48213 });
    expect(app.notice).toBe(
      'Digabungkan dari Rencana Pokja.renjarb: 3 perubahan, 1 berkas disalin. Urungkan (Ctrl+Z) untuk membatalkan.',
    );
  });

  it('settles every conflict with one side', async () => {
    const { backend, app } = await openApp();
    const form = new MergeForm(app);
    await form.chooseFile();
    await form.chooseAll('ours');
    expect(form.choices).toEqual({ 't-1': 'ours' });
    expect(backend.mergeChoicesSeen.at(-1)?.per_conflict).toEqual([['t-1', 'ours']]);
    expect(form.canMerge).toBe(true);
  });

  it('asks before merging a copy of another plan', async () => {
    const { backend, app } = await openApp();
    backend.mergeOtherPlan = true;
    const form = new MergeForm(app);
    await form.chooseFile();
    expect(form.preview?.other_plan).toBe(true);
    expect(form.canMerge).toBe(false);
    await form.confirmSamePlan();
    expect(backend.mergeChoicesSeen.at(-1)?.same_plan).toBe(true);
    expect(form.preview?.other_plan).toBe(false);
  });

  it('shows a refusal in the dialog and changes nothing', async () => {
    const { backend, app } = await openApp();
    backend.mergeRefusal = new BackendError({
      kind: 'badFile',
      field: null,
      message: 'Berkas "foto.renjarb" bukan rencana Renja RB.',
    });
    const form = new MergeForm(app);
    expect(await form.chooseFile()).toBe(false);
    expect(form.error).toBe('Berkas "foto.renjarb" bukan rencana Renja RB.');
    expect(form.preview).toBeNull();
    expect(backend.merged).toEqual([]);
  });

  it('a cancelled file dialog reads nothing', async () => {
    const { backend, app } = await openApp();
    backend.mergeFile = null;
    const form = new MergeForm(app);
    expect(await form.chooseFile()).toBe(false);
    expect(backend.calls.some((c) => c.startsWith('mergeRead'))).toBe(false);
  });

  it('words sizes, times and the summary in Indonesian', () => {
    expect(ukuran(12)).toBe('12 byte');
    expect(ukuran(48213)).toBe('47,1 KB');
    expect(ukuran(5 * 1024 * 1024)).toBe('5 MB');
    expect(waktu(null)).toBe('');
    expect(waktu('bukan waktu')).toBe('bukan waktu');
    expect(
      summary({
        source: {
          file_name: 'x',
          plan_uuid: 'u',
          modified_at: '',
          instansi: '',
          unit_kerja: '',
          tahun: 2026,
        },
        other_plan: false,
        groups: [],
        conflicts: [],
        changes: 0,
        open_conflicts: 0,
        new_files: 0,
        new_bytes: 0,
      }),
    ).toBe('Tidak ada yang baru: semua isi berkas rekan sudah ada di rencana ini.');
  });
});
