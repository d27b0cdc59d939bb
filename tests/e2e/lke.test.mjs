// The LKE tab: open the example plan (the template's 100 butir, evidence filed per tahapan),
// link a tahapan with evidence to two butir and see the view change, filter "belum ada bukti",
// undo a link, save the LKE package through the real save dialog and list it, and order the
// Daftar Bukti Dukung by LKE butir on the Laporan tab. Then give one piece of evidence its own
// two butir in the bukti dialog, see the view count it there and no longer under its tahapan's
// butir, and let it follow its tahapan again.
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

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';

/** The evidence count a butir's row shows: 0 for "Belum ada bukti". */
async function buktiCount(app, nomor) {
  const text = await butirText(app, nomor);
  if (/Belum ada bukti/.test(text)) return 0;
  const m = text.match(/(\d+) bukti dukung/);
  assert.ok(m, text);
  return Number(m[1]);
}

async function seeCount(app, nomor, n) {
  await app.waitFor(async () => (await buktiCount(app, nomor)) === n, `${n} bukti under ${nomor}`);
}

/** What the bukti dialog's "Butir LKE" field says. */
async function butirField(app) {
  return app.text(
    await app.one('//div[contains(@class,"field butir")]//span[contains(@class,"now")]'),
  );
}

async function seeButirField(app, text) {
  await app.waitFor(async () => (await butirField(app)) === text, `the field saying ${text}`);
}

/** Show the bukti panel of tahapan `tahapan` (by name; null: the first tahapan). */
async function panelOf(app, tahapan) {
  await app.clickButton('Rencana aksi');
  await app.see('Uraian');
  const name = await app.one(
    tahapan === null
      ? '(//div[contains(@class,"row tahapan")]//div[contains(@class,"name")])[1]'
      : `//div[contains(@class,"row tahapan")][.//span[contains(@class,"label") and normalize-space(.)="${tahapan}"]]//div[contains(@class,"name")]`,
    'the tahapan name',
  );
  await app.clickEl(name);
  if ((await app.findAllX('//aside[@aria-labelledby="bukti-panel-title"]')).length === 0)
    await app.clickButton('Panel bukti dukung');
}

/** Open the bukti dialog of the first tahapan's first piece of evidence; its title. */
async function openFirstBukti(app) {
  await panelOf(app, FIRST);
  const change = await app.one(
    '//aside[@aria-labelledby="bukti-panel-title"]//button[starts-with(@aria-label,"Ubah bukti ")]',
    'the first evidence of the tahapan',
  );
  const label = await app.attr(change, 'aria-label');
  await app.clickEl(change);
  await app.see('Ubah bukti dukung');
  return label.slice('Ubah bukti '.length);
}

/** The checkbox of butir `nomor` in the bukti dialog's checklist. */
function butirBox(app, nomor) {
  return app.one(
    `//div[@role="group" and @aria-label="Butir LKE"]//label[span[contains(@class,"nomor") and normalize-space(.)="${nomor}"]]/input`,
    `butir ${nomor} in the checklist`,
  );
}

test("gives a piece of evidence its own two butir, then lets it follow its tahapan's again", async () => {
  const plan = join(machine.dirs.files, 'bukti-butir.renjarb');
  cli('new', plan, '--contoh', '--tahun', String(YEAR));

  await machine.with([plan], async (app) => {
    // Tahapan 1.1.1 answers 1.a.1: its evidence is counted there.
    await app.clickButton('LKE');
    await seeSummary(app, 100);
    await link(app, '1.a.1', '1.1.1');
    await app.clickButton('Simpan');
    await seeSummary(app, 99);
    const before = await buktiCount(app, '1.a.1');
    assert.ok(before >= 1, `tahapan 1.1.1 has evidence (${before})`);

    const judul = await openFirstBukti(app);
    await seeButirField(app, 'Mengikuti tahapan: 1.a.1');
    await app.screenshot('11-bukti-mengikuti-tahapan');

    // The checklist: 1.a.1 ticked; search, tick 1.a.2 and 1.b.1, untick 1.a.1.
    await app.clickButton('Pilih butir…');
    await app.see('Butir LKE untuk bukti');
    const ticked = async (nomor) =>
      app.cmd('GET', `/element/${await butirBox(app, nomor)}/selected`);
    assert.equal(await ticked('1.a.1'), true);
    assert.equal(await ticked('1.a.2'), false);
    await app.fill('Cari butir', 'rencana kerja');
    // "rencana kerja" keeps 1.a.2 and indikator 1.b, drops 1.c.1; 1.a.1 stays as it is ticked.
    const shown = (nomor) =>
      app.findAllX(`//div[@aria-label="Butir LKE"]//label[span[normalize-space(.)="${nomor}"]]`);
    await app.waitFor(async () => (await shown('1.c.1')).length === 0, 'the search narrowing');
    for (const nomor of ['1.a.1', '1.a.2', '1.b.1', '1.b.2'])
      assert.equal((await shown(nomor)).length, 1, nomor);
    await app.clickEl(await butirBox(app, '1.a.2'));
    await app.clickEl(await butirBox(app, '1.b.1'));
    await app.clickEl(await butirBox(app, '1.a.1'));
    await app.see('2 butir dipilih');
    assert.deepEqual(
      [await ticked('1.a.1'), await ticked('1.a.2'), await ticked('1.b.1')],
      [false, true, true],
    );
    // The checklist fits the 1366 × 700 window: its buttons are inside it.
    const fits = await app.js(
      `const b = [...document.querySelectorAll('form.pilih button')].map((x) => x.getBoundingClientRect());
       return b.length === 3 && b.every((r) => r.bottom <= window.innerHeight && r.top >= 0);`,
    );
    assert.equal(fits, true);
    await app.screenshot('12-pilih-butir');
    await app.clickButton('Pakai');
    await seeButirField(app, 'Butir sendiri: 1.a.2, 1.b.1');
    // The bukti dialog with its new field fits the 1366 × 700 window unscrolled.
    const scrolls = await app.js(
      `const d = document.querySelector('[role="dialog"]'); return d.scrollHeight > d.clientHeight;`,
    );
    assert.equal(scrolls, false);
    await app.screenshot('13-butir-sendiri');
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await app.findAllX('//h2[normalize-space(.)="Ubah bukti dukung"]')).length === 0,
      'the dialog closed',
    );

    // The view counts it under its own butir and no longer under its tahapan's.
    await app.clickButton('LKE');
    await seeCount(app, '1.a.1', before - 1);
    assert.equal(await buktiCount(app, '1.a.2'), 1);
    assert.equal(await buktiCount(app, '1.b.1'), 1);
    await app.screenshot('14-lke-butir-sendiri');

    // Reopened, the dialog shows its own butir; "Ikuti butir tahapan" takes it back.
    assert.equal(await openFirstBukti(app), judul);
    await seeButirField(app, 'Butir sendiri: 1.a.2, 1.b.1');
    await app.clickButton('Ikuti butir tahapan');
    await seeButirField(app, 'Mengikuti tahapan: 1.a.1');
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await app.findAllX('//h2[normalize-space(.)="Ubah bukti dukung"]')).length === 0,
      'the dialog closed',
    );
    await app.clickButton('LKE');
    await seeCount(app, '1.a.1', before);
    assert.equal(await buktiCount(app, '1.a.2'), 0);
    assert.equal(await buktiCount(app, '1.b.1'), 0);

    // One undo step gives it its own butir again.
    await app.clickButton('↶ Urungkan');
    await seeCount(app, '1.a.1', before - 1);
    assert.equal(await buktiCount(app, '1.b.1'), 1);
  });
});

test('a new piece of evidence chooses its own butir before it is first saved, in one undo step', async () => {
  const plan = join(machine.dirs.files, 'bukti-baru-butir.renjarb');
  cli('new', plan, '--contoh', '--tahun', String(YEAR));

  await machine.with([plan], async (app) => {
    await app.clickButton('LKE');
    await seeSummary(app, 100);
    assert.equal(await buktiCount(app, '2.a.1'), 0);

    await panelOf(app, FIRST);
    await app.clickButton('+ Tambah bukti');
    await app.see('Tambah bukti dukung');
    await app.fill('Judul', 'Notulen rapat Tim RB');
    // Before it exists, it follows its tahapan; its own butir can be chosen right away.
    await app.waitFor(
      async () => /^Mengikuti tahapan/.test(await butirField(app)),
      'the butir field of the new evidence',
    );
    await app.clickButton('Pilih butir…');
    await app.see('Butir LKE untuk bukti');
    await app.fill('Cari butir', '2.a.1');
    await app.clickEl(await butirBox(app, '2.a.1'));
    await app.see('1 butir dipilih');
    await app.clickButton('Pakai');
    await seeButirField(app, 'Butir sendiri: 2.a.1');
    // The title typed before choosing is still there.
    assert.equal(await app.value('Judul'), 'Notulen rapat Tim RB');
    await app.screenshot('16-bukti-baru-butir-sendiri');
    await app.clickButton('Simpan');
    await app.waitFor(
      async () =>
        (await app.findAllX('//h2[normalize-space(.)="Tambah bukti dukung"]')).length === 0,
      'the dialog closed',
    );
    await app.see('Notulen rapat Tim RB');

    await app.clickButton('LKE');
    await seeCount(app, '2.a.1', 1);
    await seeSummary(app, 99);

    // One undo takes the evidence and its butir away together.
    await app.clickButton('↶ Urungkan');
    await seeCount(app, '2.a.1', 0);
    await seeSummary(app, 100);
    await panelOf(app, FIRST);
    assert.equal(
      (await app.findAllX('//aside//*[normalize-space(.)="Notulen rapat Tim RB"]')).length,
      0,
      'the evidence is gone with its butir',
    );
  });
});

test('a plan without butir says so in the bukti dialog and points to the LKE tab', async () => {
  // A generated plan holds no LKE butir.
  const plan = join(machine.dirs.files, 'tanpa-butir.renjarb');
  cli('generate', plan, '--tahapan', '3', '--tahun', String(YEAR));

  await machine.with([plan], async (app) => {
    await panelOf(app, null);
    await app.clickButton('+ Tambah bukti');
    await app.see('Tambah bukti dukung');
    await seeButirField(app, 'Rencana ini belum memiliki butir LKE. Tambahkan butir di tab LKE.');
    assert.equal((await app.findAllX('//button[normalize-space(.)="Pilih butir…"]')).length, 0);
    await app.screenshot('15-tanpa-butir');
    await app.clickButton('Batal');
  });
});
