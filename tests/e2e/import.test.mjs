// Import: open an xlsx through the real file dialog from the plan screen, change one column of
// the guessed mapping and see the preview follow, import into the open plan, see the grid with
// the months, and undo the import as one step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, Machine, answerFileDialog, cli } from './driver.mjs';

const SOURCE = join(FIXTURES, 'import', 'gabung-warna.xlsx');

let machine;
before(async () => {
  machine = await Machine.start('import');
});
after(async () => {
  await machine?.stop();
});

/** The grid's tahapan rows: name and scheduled months. */
function tahapan(app) {
  return app.js(`
    return [...document.querySelectorAll('.body .row.tahapan')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => ({
        nama: r.querySelector('.name .label')?.textContent,
        bulan: [...r.querySelectorAll('[data-month]')]
          .filter((c) => c.getAttribute('aria-selected') === 'true')
          .map((c) => Number(c.dataset.month)),
      }));`);
}

function counts(app) {
  return app.js(`return document.querySelector('[data-testid="import-counts"]')?.textContent
    .replace(/\\s+/g, ' ').trim() ?? null`);
}

async function choose(app, field, option) {
  await app.clickEl(await app.one(`//label[span[normalize-space(.)="${field}"]]/select`));
  await app.clickEl(
    await app.one(
      `//label[span[normalize-space(.)="${field}"]]/select/option[normalize-space(.)="${option}"]`,
    ),
  );
}

test('imports an xlsx into the open plan through the dialog, with a changed mapping, and undoes it', async () => {
  const plan = join(machine.dirs.files, 'impor.renjarb');
  cli('new', plan, '--empty', '--tahun', '2024');

  await machine.with([plan], async (app) => {
    await app.see('Ringkasan');
    await app.clickButton('Berkas');
    await app.clickButton('Impor dari Excel/CSV…');
    await answerFileDialog('Pilih tabel rencana aksi', SOURCE);
    await app.see('gabung-warna.xlsx');
    await app.waitFor(
      async () => (await counts(app))?.includes('6 tahapan (5 berjadwal)'),
      'the guessed preview',
    );
    assert.equal(
      await counts(app),
      '1 program · 1 outcome · 2 kegiatan · 2 output · 6 tahapan (5 berjadwal) · 1 baris dilewati',
    );
    await app.see('Baris 14:');
    await app.screenshot('01-guessed');

    // The sheet has no outcome column: the guess says "tidak ada". Drop the kegiatan column too:
    // each outcome then gets one kegiatan named after it, holding both outputs, and the grey
    // heading row that named the second kegiatan now has no text in a mapped column.
    await choose(app, 'Kegiatan', 'tidak ada');
    await app.waitFor(
      async () => (await counts(app))?.startsWith('1 program · 1 outcome · 1 kegiatan · 2 output'),
      'the preview with one generated kegiatan',
    );
    assert.equal(
      await counts(app),
      '1 program · 1 outcome · 1 kegiatan · 2 output · 6 tahapan (5 berjadwal) · 2 baris dilewati',
    );
    await app.see('Baris 9: Tidak ada uraian di kolom yang dipetakan');
    assert.equal(
      await app.js(
        `return document.evaluate('//label[span[normalize-space(.)="Kegiatan"]]/select', document,
          null, 9, null).singleNodeValue.selectedOptions[0].textContent`,
      ),
      'tidak ada',
    );
    await app.clickEl(await app.one('//h2[@id="import-title"]'));
    await app.screenshot('02-kegiatan-tidak-ada');

    await app.clickButton('Impor');
    await app.see('Diimpor: 6 tahapan dalam 1 program.');
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    await app.waitFor(async () => (await tahapan(app)).length === 6, 'six tahapan in the grid');
    assert.deepEqual(await tahapan(app), [
      { nama: 'Menyusun draf SK Tim RB', bulan: [1] },
      { nama: 'Rapat pembahasan draf SK', bulan: [1, 2] },
      { nama: 'Penetapan SK', bulan: [3] },
      { nama: 'Sosialisasi budaya kerja', bulan: [4, 5, 6] },
      { nama: 'Evaluasi budaya kerja', bulan: [11, 12] },
      { nama: 'Publikasi hasil', bulan: [] },
    ]);
    await app.screenshot('03-imported-grid');

    await app.clickButton('↶ Urungkan');
    await app.waitFor(async () => (await tahapan(app)).length === 0, 'the import undone');
    await app.screenshot('04-undone');
  });

  // The import and its undo were stored: the plan file holds nothing of the table.
  const info = JSON.parse(cli('info', plan, '--json'));
  assert.deepEqual([info.programs, info.kegiatan, info.tahapan], [0, 0, 0]);
});

test('makes a new plan from an xlsx from the start screen, for the year its title names', async () => {
  const made = join(machine.dirs.files, 'dari-tabel.renjarb');
  await machine.with([], async (app) => {
    await app.clickButton('Impor dari Excel/CSV…');
    await answerFileDialog('Pilih tabel rencana aksi', SOURCE);
    await app.waitFor(
      async () => (await counts(app))?.includes('6 tahapan (5 berjadwal)'),
      'the guessed preview',
    );
    assert.equal(await app.value('Tahun rencana'), '2024');
    await app.clickButton('Ubah lokasi…');
    await answerFileDialog('Simpan rencana baru', made, { replace: true });
    await app.see('dari-tabel.renjarb');
    await app.screenshot('05-new-plan');
    await app.clickButton('Impor');
    await app.see('Renja RB tahun 2024');
  });
  const info = JSON.parse(cli('info', made, '--json'));
  assert.deepEqual(
    [info.identity.tahun, info.programs, info.outcomes, info.kegiatan, info.outputs, info.tahapan],
    [2024, 1, 1, 2, 2, 6],
  );
});

test('the new-plan dialog offers the same import', async () => {
  await machine.with([], async (app) => {
    await app.clickButton('Buat rencana baru');
    await app.see('Isi awal');
    await app.clickButton('Dari tabel Excel/CSV…');
    await answerFileDialog('Pilih tabel rencana aksi', SOURCE);
    await app.waitFor(
      async () => (await counts(app))?.includes('6 tahapan (5 berjadwal)'),
      'the guessed preview',
    );
    await app.see('Rencana baru dari tabel');
    await app.screenshot('06-from-new-plan-dialog');
    await app.clickButton('Batal');
    await app.see('Berkas terakhir');
  });
});

/** Close the native file dialog titled `title` with Escape, as a user who cancels it. */
async function cancelFileDialog(title) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const id = execFileSync('xdotool', ['search', '--onlyvisible', '--name', title], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')[0];
      await new Promise((r) => setTimeout(r, 1200));
      execFileSync('xdotool', ['windowfocus', '--sync', id]);
      execFileSync('xdotool', ['key', 'Escape']);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`no file dialog "${title}": ${e.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

test('imports a table pasted from Word into the open plan', async () => {
  const plan = join(machine.dirs.files, 'tempel.renjarb');
  cli('new', plan, '--empty', '--tahun', '2024');
  const table = readFileSync(join(FIXTURES, 'import', 'tempel-word.txt'), 'utf8');
  await machine.with([plan], async (app) => {
    await app.see('Ringkasan');
    await app.clickButton('Berkas');
    await app.clickButton('Impor dari Excel/CSV…');
    await cancelFileDialog('Pilih tabel rencana aksi');
    await app.clickButton('Tempel tabel');
    // What Ctrl+V does: the clipboard's text lands in the box in one input event.
    await app.js(
      `const box = document.querySelector('textarea[aria-label="Tabel yang ditempel"]');
       box.value = arguments[0];
       box.dispatchEvent(new Event('input', { bubbles: true }));`,
      table,
    );
    await app.clickButton('Baca tabel');
    await app.waitFor(
      async () => (await counts(app))?.includes('4 tahapan'),
      'the preview of the pasted table',
    );
    await app.screenshot('07-pasted');
    await app.clickButton('Impor');
    // The dialog closes once the plan screen shows the import.
    await app.see('Diimpor: 4 tahapan');
    await app.clickButton('Rencana aksi');
    await app.waitFor(async () => (await tahapan(app)).length === 4, 'the pasted tahapan');
  });
  const info = JSON.parse(cli('info', plan, '--json'));
  assert.deepEqual([info.kegiatan, info.tahapan], [2, 4]);
});
