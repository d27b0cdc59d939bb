// The LKE tab: open the example plan (the template's 100 butir, evidence filed per tahapan),
// link a tahapan with evidence to two butir and see the view change, filter "belum ada bukti",
// undo a link, save the LKE package through the real save dialog and list it, and order the
// Daftar Bukti Dukung by LKE butir on the Laporan tab.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Machine, answerFileDialog, cli } from './driver.mjs';

const YEAR = new Date().getFullYear();

let machine;
before(async () => {
  machine = await Machine.start('lke');
});
after(async () => {
  await machine?.stop();
});

/** The visible text of butir `nomor`'s row. */
async function butirText(app, nomor) {
  return app.text(await app.one(`//li[@data-nomor="${nomor}"]`, `butir ${nomor}`));
}

/** The one-line summary above the list ("100 butir · 98 belum ada bukti"). */
async function summary(app) {
  return app.text(await app.one('//section[@aria-labelledby="lke-title"]//p[@role="status"]'));
}

async function seeSummary(app, tanpaBukti) {
  await app.waitFor(
    async () => (await summary(app)).includes(`${tanpaBukti} belum ada bukti`),
    `${tanpaBukti} butir without evidence`,
  );
}

/** Link tahapan `tahapan` (its number) to butir `nomor` through the dialog. */
async function link(app, nomor, tahapan) {
  await app.clickButton(`Tautkan tahapan ke butir ${nomor}`);
  await app.see(`Tahapan untuk butir ${nomor}`);
  const search = await app.field('Cari tahapan');
  await app.cmd('POST', `/element/${search}/value`, { text: tahapan });
  const box = await app.one(
    `//div[@role="group"]//label[span[contains(@class,"nomor") and normalize-space(.)="${tahapan}"]]/input`,
    `tahapan ${tahapan} in the dialog`,
  );
  await app.clickEl(box);
  return box;
}

/** The names inside a ZIP, by Python's zipfile (no npm package needed). */
function zipNames(path) {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n');
}

test('links a tahapan to two butir, filters, undoes, saves the LKE package and the Daftar Bukti by LKE', async () => {
  const plan = join(machine.dirs.files, 'contoh.renjarb');
  cli('new', plan, '--contoh', '--tahun', String(YEAR));
  const dest = join(machine.dirs.files, 'paket lke.zip');

  await machine.with([plan], async (app) => {
    await app.clickButton('LKE');
    await app.see('Butir LKE');
    await seeSummary(app, 100);
    assert.match(await summary(app), /^100 butir/);
    assert.match(await butirText(app, '1.a.1'), /Belum ada tahapan yang ditautkan/);
    assert.match(await butirText(app, '1.a.1'), /Belum ada bukti/);
    // The list fits the laptop window's width: nothing to scroll sideways.
    const wide = await app.js(
      `const l = document.querySelector('.lke .list'); return l.scrollWidth > l.clientWidth + 1;`,
    );
    assert.equal(wide, false);
    await app.screenshot('01-awal');

    // Tahapan 1.1.1 of the example has evidence: linked to 1.a.1, that butir has it too.
    await link(app, '1.a.1', '1.1.1');
    await app.screenshot('02-dialog');
    await app.clickButton('Simpan');
    await seeSummary(app, 99);
    const row = await butirText(app, '1.a.1');
    assert.match(row, /1\.1\.1 Menyusun susunan Tim RB Unit Kerja/);
    assert.match(row, /\d+ bukti dukung/);
    assert.doesNotMatch(row, /Belum ada bukti/);

    await link(app, '1.b.1', '1.1.1');
    await app.clickButton('Simpan');
    await seeSummary(app, 98);
    assert.match(await butirText(app, '1.b.1'), /1\.1\.1 Menyusun susunan Tim RB Unit Kerja/);
    await app.screenshot('03-tertaut');

    // "Belum ada bukti" leaves out the two butir that now have evidence.
    await app.clickEl(await app.field('Hanya yang belum ada bukti'));
    await app.waitFor(
      async () => (await app.findAllX('//li[@data-nomor="1.a.1"]')).length === 0,
      'butir 1.a.1 filtered out',
    );
    assert.equal((await app.findAllX('//li[@data-nomor="1.b.1"]')).length, 0);
    assert.equal((await app.findAllX('//li[@data-nomor="1.a.2"]')).length, 1);
    await app.screenshot('04-belum-ada-bukti');
    await app.clickEl(await app.field('Hanya yang belum ada bukti'));

    // Undo takes the second link back; redo brings it again.
    await app.clickButton('↶ Urungkan');
    await seeSummary(app, 99);
    assert.match(await butirText(app, '1.b.1'), /Belum ada tahapan yang ditautkan/);
    await app.clickButton('↷ Ulangi');
    await seeSummary(app, 98);

    // The LKE package, through the real save dialog.
    await app.clickButton('Simpan paket LKE…');
    await answerFileDialog('Simpan paket LKE', dest, { replace: true });
    await app.see('Paket LKE disimpan: paket lke.zip');
    await app.screenshot('05-paket');

    // The Daftar Bukti Dukung ordered by LKE butir.
    await app.clickButton('Laporan');
    await app.clickEl(
      await app.one(
        '//label[span[normalize-space(.)="Laporan"]]//select/option[normalize-space(.)="Daftar Bukti Dukung"]',
      ),
    );
    await app.clickEl(
      await app.one(
        '//label[span[normalize-space(.)="Urutan"]]//select/option[normalize-space(.)="Menurut butir LKE"]',
      ),
    );
    await app.see(`Daftar Bukti Dukung per Butir LKE ${YEAR}`);
    await app.waitFor(
      () =>
        app.js(
          `const c = document.querySelector('.preview canvas'); if (!c || c.width === 0) return false;
           const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
           for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 160) return true;
           return false;`,
        ),
      'ink on the preview',
      30_000,
    );
    await app.screenshot('06-daftar-bukti-lke');
  });

  const names = zipNames(dest);
  assert.ok(names.includes('Daftar Bukti Dukung LKE.xlsx'), names.join('\n'));
  assert.ok(names.includes('Daftar Bukti Dukung LKE.html'), names.join('\n'));
  const area = '1 Manajemen Perubahan/';
  const inA1 = names.filter((n) =>
    n.startsWith(
      `${area}1.a Tim Reformasi birokrasi/1.a.1 Tim Reformasi unit kerja telah dibentuk/1.1.1.`,
    ),
  );
  const inB1 = names.filter(
    (n) =>
      n.startsWith(`${area}1.b Rencana Kerja Reformasi Birokrasi/1.b.1 `) &&
      /\/1\.1\.1\.\d/.test(n),
  );
  assert.ok(inA1.length > 0, names.join('\n'));
  assert.equal(inB1.length, inA1.length, 'the same evidence in both butir folders');
  assert.ok(!names.some((n) => n.startsWith('2 ')), 'no folder for an area without evidence');
});
