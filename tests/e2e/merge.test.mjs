// Gabungkan: a colleague's copy edited in the app (a tahapan renamed, a month recorded), our
// copy renaming the same tahapan; merged through the real dialog and file chooser, the one
// conflict settled "Dari rekan", the history shown in the Ringkasan, then undo and redo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY, Machine, answerFileDialog, cli } from './driver.mjs';

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';

let machine;
before(async () => {
  machine = await Machine.start('merge');
});
after(async () => {
  await machine?.stop();
});

function rows(app) {
  return app.js(`
    return [...document.querySelectorAll('.body .row')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => ({
        key: r.dataset.key,
        level: r.dataset.key.split(':')[0],
        nama: r.querySelector('.name .label')?.textContent ?? r.querySelector('.name input')?.value,
      }));`);
}

async function rowByName(app, nama) {
  return app.waitFor(async () => (await rows(app)).find((r) => r.nama === nama), `row "${nama}"`);
}

/** Open the grid and rename the tahapan `from` to `to` as a person would (select, Enter). */
async function rename(app, from, to) {
  await app.clickButton('Rencana aksi');
  await app.see('Uraian');
  const row = await rowByName(app, from);
  await app.clickEl(
    await app.one(`//div[@data-key="${row.key}"]//div[contains(@class,"name")]`, `name ${from}`),
  );
  await app.press(KEY.ENTER);
  await app.one('//input[contains(@class,"cell-editor")]', 'the name editor');
  await app.press([KEY.CONTROL, 'a']);
  await app.type(to);
  await app.press(KEY.ENTER);
  await rowByName(app, to);
}

function tahapanNames(file) {
  const dump = JSON.parse(cli('dump', file));
  return dump.programs.flatMap((p) =>
    p.outcomes.flatMap((o) =>
      o.kegiatan.flatMap((k) => k.outputs.flatMap((u) => u.tahapan.map((t) => t.nama))),
    ),
  );
}

test('merges a colleague copy through the dialog, settles a conflict from the colleague, undoes and redoes', async () => {
  const ours = join(machine.dirs.files, 'Rencana RB Sekretariat.renjarb');
  const theirs = join(machine.dirs.files, 'Rencana RB Pokja Manajemen Perubahan.renjarb');
  cli('new', ours, '--tahun', '2025');
  copyFileSync(ours, theirs);

  // The Pokja's copy, edited in the app: the first tahapan renamed.
  await machine.with([theirs], async (app) => {
    await app.see('Ringkasan');
    await rename(app, FIRST, 'Menyusun susunan Tim RB (usulan Pokja)');
    await app.clickButton('Tutup');
  });
  assert.ok(tahapanNames(theirs).includes('Menyusun susunan Tim RB (usulan Pokja)'));
  const theirsBytes = readFileSync(theirs);

  await machine.with([ours], async (app) => {
    await app.see('Ringkasan');
    await app.see('Belum pernah digabungkan dengan berkas rekan.');
    await rename(app, FIRST, 'Menyusun susunan Tim RB (versi sekretariat)');

    await app.clickButton('Berkas');
    await app.clickButton('Gabungkan dari berkas rekan…');
    await answerFileDialog('Pilih berkas rencana dari rekan', theirs);
    await app.see('Rencana RB Pokja Manajemen Perubahan.renjarb');
    await app.see('Perbedaan yang perlu dipilih (1, 1 belum dipilih)');
    await app.see('Menyusun susunan Tim RB (versi sekretariat)');
    await app.see('Menyusun susunan Tim RB (usulan Pokja)');
    await app.screenshot('merge-01-preview');
    // Nothing merges while a conflict has no side.
    await app.one('//button[normalize-space(.)="Gabungkan" and @disabled]', 'a disabled merge');

    await app.clickEl(
      await app.one(
        '//div[@role="radiogroup"]//label[normalize-space(.)="Dari rekan"]/input',
        'Dari rekan',
      ),
    );
    await app.see('Perbedaan yang perlu dipilih (1)');
    await app.screenshot('merge-02-chosen');
    await app.clickButton('Gabungkan');
    await app.see('Digabungkan dari Rencana RB Pokja Manajemen Perubahan.renjarb');
    await rowByName(app, 'Menyusun susunan Tim RB (usulan Pokja)');
    await app.screenshot('merge-03-grid');

    // The history in the Ringkasan.
    await app.clickButton('Ringkasan');
    await app.see('Riwayat penggabungan');
    const history = await app.table(
      '//section[.//h2[normalize-space(.)="Riwayat penggabungan"]]//tbody/tr',
    );
    assert.equal(history.length, 1);
    assert.equal(history[0][1], 'Rencana RB Pokja Manajemen Perubahan.renjarb');
    assert.equal(history[0][4], '1', 'one conflict settled');
    await app.screenshot('merge-04-riwayat');

    // One undo step takes the whole merge back; redo makes it again.
    await app.clickButton('↶ Urungkan');
    await app.clickButton('Rencana aksi');
    await rowByName(app, 'Menyusun susunan Tim RB (versi sekretariat)');
    await app.clickButton('↷ Ulangi');
    await rowByName(app, 'Menyusun susunan Tim RB (usulan Pokja)');
    await app.clickButton('Tutup');
  });

  assert.ok(tahapanNames(ours).includes('Menyusun susunan Tim RB (usulan Pokja)'));
  assert.deepEqual(readFileSync(theirs), theirsBytes, "the colleague's file is never written");
  // Merging the same copy again brings nothing new.
  const again = JSON.parse(cli('merge', '--dry-run', '--json', ours, theirs));
  assert.equal(again.changes, 0);
});
