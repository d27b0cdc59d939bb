import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import { FakeBackend, badFile, importView, mapping, overview } from '../testing/fake-backend';
import { ImportForm, bulanLabel, previewLines } from './import.svelte';

function setup(target: 'plan' | 'new' = 'plan') {
  const backend = new FakeBackend();
  backend.current = overview('/dok/rencana.renjarb');
  const app = new AppModel(backend);
  const form = new ImportForm(app, target);
  return { backend, app, form };
}

describe('import dialog', () => {
  it('reads the chosen file and shows the guessed mapping and its preview', async () => {
    const { backend, form } = setup();
    backend.importFile = '/dok/rencana.xlsx';
    expect(await form.chooseFile()).toBe(true);
    expect(backend.calls).toEqual(['chooseImportFile', 'importRead /dok/rencana.xlsx']);
    expect(form.sheet).toBe('Rencana Aksi');
    expect(form.mapping?.kegiatan).toBe(1);
    expect(form.view?.preview.counts.tahapan).toBe(2);
    expect(form.canImport).toBe(true);
  });

  it('offers twelve month columns and four quarter columns from any column, once each', async () => {
    const { form } = setup();
    await form.read('/dok/rencana.xlsx');
    // A sheet of 20 columns, A–T, whose months the guess placed at F–Q.
    const labels = Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(65 + i)} · k${i}`);
    if (form.view) form.view = { ...form.view, columns: labels };
    const kinds = form.bulanChoices.map((c) => c.value.kind);
    expect(kinds.filter((k) => k === 'none')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'text')).toHaveLength(20);
    // Starts A–I; the guessed F–Q is one of them and is listed once, first.
    expect(kinds.filter((k) => k === 'columns')).toHaveLength(9);
    expect(kinds.filter((k) => k === 'quarters')).toHaveLength(17);
    expect(form.bulanChoices[0]?.label).toBe('12 kolom bulan (F–Q)');
    const keys = form.bulanChoices.map((c) => JSON.stringify(c.value));
    expect(new Set(keys).size).toBe(keys.length);
    const twelve = form.bulanChoices.find((c) => c.value.kind === 'columns');
    if (twelve && twelve.value.kind === 'columns') {
      expect(twelve.value.columns).toHaveLength(12);
      expect(twelve.label).toMatch(/^12 kolom bulan \(/);
    }
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const { backend, form } = setup();
    expect(await form.chooseFile()).toBe(false);
    expect(backend.calls).toEqual(['chooseImportFile']);
    expect(form.view).toBeNull();
    expect(form.canImport).toBe(false);
  });

  it('shows why a file cannot be read and keeps nothing', async () => {
    const { backend, form } = setup();
    backend.importError = badFile('Berkas "acak.csv" tidak berisi tabel yang dapat dibaca.');
    expect(await form.read('/dok/acak.csv')).toBe(false);
    expect(form.error).toBe('Berkas "acak.csv" tidak berisi tabel yang dapat dibaca.');
    expect(form.view).toBeNull();
    expect(form.canImport).toBe(false);
  });

  it('asks for a new preview when a column changes, and "tidak ada" sends null', async () => {
    const { backend, form } = setup();
    await form.read('/dok/rencana.xlsx');
    await form.setColumn('tahapan', 3);
    expect(backend.viewed.at(-1)?.tahapan).toBe(3);
    expect(previewLines(form.view?.preview.tree.programs ?? []).at(-2)?.nama).toBe(
      'SK Tim ditetapkan',
    );
    await form.setColumn('kegiatan', null);
    expect(backend.viewed.at(-1)?.kegiatan).toBeNull();
    expect(backend.viewed.at(-1)?.tahapan).toBe(3);
    expect(form.mapping?.kegiatan).toBeNull();
    // Tahapan cannot be "tidak ada": nothing is asked.
    const asked = backend.viewed.length;
    await form.setColumn('tahapan', null);
    expect(backend.viewed.length).toBe(asked);
  });

  it('changes the sheet with its own guess, the header row, months and numbering', async () => {
    const { backend, form } = setup();
    await form.read('/dok/rencana.xlsx');
    await form.setSheet('Catatan');
    expect(backend.calls.at(-1)).toBe('importView Catatan');
    expect(backend.viewed.at(-1)).toBeNull();
    await form.setHeaderRow(4);
    expect(backend.viewed.at(-1)?.header_row).toBe(4);
    await form.setBulan({ kind: 'none' });
    expect(form.view?.preview.counts.scheduled_tahapan).toBe(0);
    await form.setHapusPenomoran(true);
    expect(backend.viewed.at(-1)?.hapus_penomoran).toBe(true);
    expect(previewLines(form.view?.preview.tree.programs ?? []).at(-1)?.nama).toBe('Rapat tim');
  });

  it('refuses a header row that is not a row number without asking', async () => {
    const { backend, form } = setup();
    await form.read('/dok/rencana.xlsx');
    const asked = backend.viewed.length;
    await form.setHeaderRow(0);
    expect(form.error).toBe('Baris judul harus berupa nomor baris, mulai dari 1.');
    expect(backend.viewed.length).toBe(asked);
    expect(form.canImport).toBe(false);
  });

  it('keeps the mapping but cannot import while the preview is refused', async () => {
    const { backend, form } = setup();
    await form.read('/dok/rencana.xlsx');
    backend.importError = badFile('Kolom 40 tidak ada di lembar "Rencana Aksi".');
    await form.setColumn('kriteria', 39);
    expect(form.mapping?.kriteria).toBe(39);
    expect(form.error).toBe('Kolom 40 tidak ada di lembar "Rencana Aksi".');
    expect(form.canImport).toBe(false);
    expect(await form.submit()).toBe(false);
    expect(backend.imported).toEqual([]);
  });

  it('imports into the open plan with the mapping shown, as one step the notice names', async () => {
    const { backend, app, form } = setup();
    await form.read('/dok/rencana.xlsx');
    await form.setColumn('kegiatan', null);
    expect(await form.submit()).toBe(true);
    expect(backend.imported).toEqual([
      { sheet: 'Rencana Aksi', mapping: mapping({ kegiatan: null }) },
    ]);
    expect(app.notice).toBe(
      'Diimpor: 2 tahapan dalam 1 program. Urungkan (Ctrl+Z) untuk membatalkan.',
    );
    expect(app.grid?.undo.undo).not.toBeNull();
  });

  it('shows the refusal of the import and stays open', async () => {
    const { backend, app, form } = setup();
    await form.read('/dok/rencana.xlsx');
    backend.importError = badFile('Rencana ini hanya-baca.');
    expect(await form.submit()).toBe(false);
    expect(app.error).toBe('Rencana ini hanya-baca.');
  });

  it('makes a new plan for the year the title names, at the proposed path', async () => {
    const { backend, app, form } = setup('new');
    await form.read('/dok/rencana.xlsx');
    expect(form.tahun).toBe(2025);
    expect(form.path).toBe('/dok/Renja RB/Renja RB 2025.renjarb');
    expect(await form.submit()).toBe(true);
    expect(backend.calls).toContain(
      'createImportedPlan /dok/Renja RB/Renja RB 2025.renjarb 2025 Rencana Aksi false',
    );
    expect(app.overview?.identity.tahun).toBe(2025);
  });

  it('replaces only a path the save dialog chose', async () => {
    const { backend, form } = setup('new');
    await form.read('/dok/rencana.xlsx');
    backend.dialogAnswer = '/dok/impor';
    await form.choosePath();
    expect(form.path).toBe('/dok/impor.renjarb');
    form.tahun = 2027;
    await form.suggest();
    expect(form.path).toBe('/dok/impor.renjarb');
    await form.submit();
    expect(backend.calls).toContain('createImportedPlan /dok/impor.renjarb 2027 Rencana Aksi true');
  });

  it('asks for pasted text before reading it', async () => {
    const { backend, form } = setup();
    expect(await form.readPasted('  ')).toBe(false);
    expect(form.error).toBe('Tempelkan tabelnya dulu (salin dari Excel atau Word, lalu Ctrl+V).');
    expect(await form.readPasted('Program\tTahapan\nA\tB')).toBe(true);
    expect(backend.calls.at(-1)).toBe('importPasted 19');
    expect(form.error).toBeNull();
  });

  it('drops a preview that arrives after a later change', async () => {
    const { backend, form } = setup();
    await form.read('/dok/rencana.xlsx');
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const original = backend.importView.bind(backend);
    let first = true;
    backend.importView = async (sheet, m) => {
      if (first) {
        first = false;
        await slow;
      }
      return original(sheet, m);
    };
    const older = form.setColumn('tahapan', 3);
    await form.setColumn('tahapan', 2);
    release();
    await older;
    expect(form.mapping?.tahapan).toBe(2);
    expect(form.loading).toBe(false);
  });

  it('lets go of the table when the dialog closes', async () => {
    const { backend, form } = setup();
    await form.forget();
    expect(backend.calls).toEqual(['importForget']);
  });
});

describe('preview text', () => {
  it('names the month choices by column letter', () => {
    const cols = importView('R', mapping()).columns.concat(Array(12).fill('F'));
    expect(bulanLabel({ kind: 'text', column: 2 }, cols)).toBe('Teks bulan di kolom C');
    expect(bulanLabel({ kind: 'none' }, cols)).toBe('Tidak ada (tahapan tanpa jadwal)');
    expect(bulanLabel({ kind: 'columns', columns: [0, 1, 2, 3, 4] }, cols)).toBe(
      '12 kolom bulan (A–E)',
    );
  });

  it('lists the tree depth first with tahapan and their months, up to a limit', () => {
    const lines = previewLines(importView('R', mapping()).preview.tree.programs);
    expect(lines.map((l) => [l.depth, l.nama, l.bulan])).toEqual([
      [0, 'Manajemen Perubahan', null],
      [1, 'Manajemen Perubahan', null],
      [2, 'Pembentukan tim', null],
      [3, 'Pembentukan tim', null],
      [4, '1. Menyusun SK Tim', [1, 2]],
      [4, '2. Rapat tim', [3]],
    ]);
    expect(previewLines(importView('R', mapping()).preview.tree.programs, 3)).toHaveLength(3);
  });
});
