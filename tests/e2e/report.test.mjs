// Reports: a monthly report previewed and saved as PDF, the Rencana Aksi saved as Excel on
// F4, the evidence package written with its progress, and the letterhead logo chosen in the
// identity form and seen in the preview.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY, Machine, TARGET, answerFileDialog, cli, existsSync, onePagePdf } from './driver.mjs';

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';
const YEAR = new Date().getFullYear() - 1;
/** The colour of the test logo, found again in the drawn preview. */
const LOGO_RGB = [200, 30, 160];

// "Buka folder" runs the desktop's xdg-open: a stand-in on the PATH writes down what it was
// asked to open instead of starting a file manager.
const STUBS = join(TARGET, 'e2e', 'report-stubs');
const OPENED = join(STUBS, 'opened.txt');

let machine;
before(async () => {
  rmSync(STUBS, { recursive: true, force: true });
  mkdirSync(STUBS, { recursive: true });
  const stub = join(STUBS, 'xdg-open');
  writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${OPENED}'\n`);
  chmodSync(stub, 0o755);
  process.env.PATH = `${STUBS}:${process.env.PATH}`;
  machine = await Machine.start('report');
});
after(async () => {
  await machine?.stop();
});

function newPlan(name) {
  const plan = join(machine.dirs.files, `${name}.renjarb`);
  cli('new', plan, '--tahun', String(YEAR));
  return plan;
}

async function cell(app, month) {
  const key = await app.waitFor(
    () =>
      app.js(
        `return [...document.querySelectorAll('.body .row.tahapan')].find((r) => r.querySelector('.name .label')?.textContent === arguments[0])?.dataset.key`,
        FIRST,
      ),
    'the first tahapan',
  );
  return app.one(`//div[@data-key="${key}"]//div[@data-month="${month}"]`, `month ${month}`);
}

/** Pick `option` in the select labelled `label` on the Laporan page. */
async function choose(app, label, option) {
  await app.clickEl(
    await app.one(
      `//label[span[normalize-space(.)="${label}"]]//select/option[normalize-space(.)="${option}"]`,
      `option "${option}" of "${label}"`,
    ),
  );
}

async function radio(app, label) {
  await app.clickEl(await app.one(`//label[normalize-space(.)="${label}"]/input`, label));
}

/** Wait for the preview to settle with its first page drawn; returns "N halaman". */
async function previewDrawn(app) {
  await app.waitFor(
    async () => !(await app.pageText()).includes('Menyiapkan pratinjau'),
    'the preview to be ready',
    30_000,
  );
  await app.waitFor(
    () =>
      app.js(
        `const c = document.querySelector('.preview canvas'); if (!c || c.width === 0) return false;
         const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
         for (let i = 0; i < d.length; i += 4)
           if (d[i + 3] > 0 && (d[i] < 160 || d[i + 1] < 160 || d[i + 2] < 160)) return true;
         return false;`,
      ),
    'ink on the first preview page',
    30_000,
  );
  const count = await app.one(
    '//section[@aria-label="Pratinjau laporan"]//span[@class="count" or contains(@class,"count")]',
  );
  return app.text(count);
}

/** How many pixels of the first preview page have the logo's colour. */
async function logoPixels(app) {
  return app.js(
    `const [r, g, b] = arguments[0];
     const c = document.querySelector('.preview canvas');
     const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
     let n = 0;
     for (let i = 0; i < d.length; i += 4)
       if (Math.abs(d[i] - r) < 40 && Math.abs(d[i + 1] - g) < 40 && Math.abs(d[i + 2] - b) < 40) n++;
     return n;`,
    LOGO_RGB,
  );
}

async function savedMessage(app, prefix) {
  const el = await app.one(
    `//*[@role="status"][.//p[starts-with(normalize-space(.), "${prefix}")]]`,
    `the message "${prefix}"`,
  );
  return el;
}

test('previews a monthly report and saves it as PDF, then opens its folder', async () => {
  const plan = newPlan('bulanan');
  const dest = join(machine.dirs.files, 'laporan februari.pdf');
  await machine.with([plan], async (app) => {
    // Schedule February and record it done.
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    await app.clickEl(await cell(app, 2));
    await app.clickButton('Realisasi');
    await app.clickEl(await cell(app, 2));
    await app.see(`Realisasi Februari ${YEAR}`);
    await app.clickEl(await app.one('//label[normalize-space(.)="Selesai"]/input'));
    await app.fill('Catatan', 'SK Tim RB ditandatangani');
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await app.attr(await cell(app, 2), 'data-state')) === 'selesaiTanpaBukti',
      'February done',
    );

    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Laporan Monev Bulanan');
    // The plan's year is over: the month starts on December.
    assert.equal(await app.value('Bulan'), '12');
    await choose(app, 'Bulan', 'Februari');
    await app.see(`Laporan Monev Bulanan Februari ${YEAR}`);
    assert.match(await previewDrawn(app), /^\d+ halaman$/);
    assert.equal(await logoPixels(app), 0, 'no logo yet');
    await app.screenshot('01-laporan-bulanan');

    await app.clickButton('Simpan PDF…');
    await answerFileDialog('Simpan laporan', dest, { replace: true });
    await savedMessage(app, 'Laporan disimpan: laporan februari.pdf');
    await app.clickButton('Buka folder');
    await app.waitFor(() => existsSync(OPENED), 'the folder to be opened');
    assert.equal(readFileSync(OPENED, 'utf8').trim(), machine.dirs.files);
  });

  assert.equal(readFileSync(dest).subarray(0, 4).toString(), '%PDF');
  const text = execFileSync('pdftotext', [dest, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /LAPORAN MONITORING DAN EVALUASI BULANAN/);
  assert.ok(text.includes(FIRST), `the tahapan is in the report:\n${text.slice(0, 2000)}`);
  assert.match(text, new RegExp(`FEBRUARI ${YEAR}`, 'i'));
});

test('saves the Rencana Aksi as an Excel workbook on F4', async () => {
  const plan = newPlan('rencana-aksi');
  const dest = join(machine.dirs.files, 'rencana aksi.xlsx');
  await machine.with([plan], async (app) => {
    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Rencana Aksi');
    await app.see(`Periode: tahun ${YEAR}`);
    await radio(app, 'F4 (Folio)');
    await radio(app, 'Excel');
    await app.see(`Rencana Aksi RB ${YEAR}`);
    await previewDrawn(app);
    await app.clickButton('Simpan Excel…');
    await answerFileDialog('Simpan laporan', dest, { replace: true });
    await savedMessage(app, 'Laporan disimpan: rencana aksi.xlsx');
  });
  assert.equal(readFileSync(dest).subarray(0, 2).toString(), 'PK');
});

test('keeps the yearly conclusions in the plan and prints them in the Laporan Tahunan', async () => {
  const plan = newPlan('tahunan');
  const dest = join(machine.dirs.files, 'laporan tahunan.pdf');
  const kesimpulan = 'Tahapan Manajemen Perubahan berjalan sesuai jadwal.';
  const rekomendasi = 'Percepat penyusunan SOP pada triwulan pertama.';
  await machine.with([plan], async (app) => {
    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Laporan Monev Tahunan');
    // Once the preview is drawn the file name below the button takes its lines, and the
    // Rekomendasi field sits half hidden at the foot of the scrolled choices.
    await previewDrawn(app);
    await app.fill('Kesimpulan', kesimpulan);
    await app.fill('Rekomendasi', rekomendasi);
    // Each note is an edit of the plan: undo names it.
    await app.one('//button[normalize-space(.)="↶ Urungkan" and not(@disabled)]', 'undo');
    await previewDrawn(app);
    await app.screenshot('02-laporan-tahunan');
  });
  await machine.with([plan], async (app) => {
    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Laporan Monev Tahunan');
    assert.equal(await app.value('Kesimpulan'), kesimpulan, 'kept after a restart');
    await previewDrawn(app);
    await app.clickButton('Simpan PDF…');
    await answerFileDialog('Simpan laporan', dest, { replace: true });
    await savedMessage(app, 'Laporan disimpan: laporan tahunan.pdf');
  });
  const text = execFileSync('pdftotext', [dest, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /LAPORAN MONITORING DAN EVALUASI TAHUNAN/);
  assert.ok(text.includes(kesimpulan), `the conclusion is printed:\n${text.slice(0, 3000)}`);
  assert.ok(text.includes(rekomendasi), 'the recommendation is printed');
});

test('writes the evidence package with its progress and lists the file inside', async () => {
  const plan = newPlan('paket');
  const pdf = join(machine.dirs.files, 'Notulen rapat Tim RB.pdf');
  writeFileSync(pdf, onePagePdf('Notulen rapat Tim RB'));
  const dest = join(machine.dirs.files, 'paket bukti.zip');
  await machine.with([plan], async (app) => {
    // Attach one file to the first tahapan through the evidence panel.
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    await app.clickButton('Panel bukti dukung');
    await app.clickEl(
      await app.one(
        `//div[contains(@class,"row tahapan")][.//span[contains(@class,"label") and normalize-space(.)="${FIRST}"]]//div[contains(@class,"name")]`,
        'the first tahapan name',
      ),
    );
    await app.press(KEY.ESCAPE);
    await app.clickButton('+ Tambah bukti');
    await app.fill('Judul', 'Notulen rapat Tim RB');
    await app.clickButton('Pilih berkas…');
    await answerFileDialog('Pilih berkas bukti dukung', pdf);
    await app.see('Notulen rapat Tim RB.pdf');
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await app.findAll('[role=dialog]')).length === 0,
      'the evidence dialog to close',
    );

    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Paket Bukti Dukung (ZIP)');
    await app.see('siap diserahkan kepada Tim Asesor');
    await app.clickButton('Buat paket bukti…');
    await answerFileDialog('Simpan paket bukti dukung', dest, { replace: true });
    await savedMessage(app, 'Paket bukti dukung disimpan: paket bukti.zip');
    const bar = await app.one('//progress[@aria-label="Kemajuan paket bukti dukung"]');
    assert.equal(await app.cmd('GET', `/element/${bar}/property/value`), 100);
    await app.see('100%');
    await app.screenshot('03-paket');
  });
  const listing = execFileSync('unzip', ['-l', dest], { encoding: 'utf8' });
  assert.match(listing, /Notulen rapat Tim RB\.pdf/);
});

test('sets the letterhead logo in the identity form and sees it in the preview', async () => {
  const plan = newPlan('logo');
  const png = join(machine.dirs.files, 'logo kabupaten.png');
  const [r, g, b] = LOGO_RGB;
  execFileSync('/usr/bin/convert', [
    '-size',
    '160x160',
    'xc:white',
    '-fill',
    `rgb(${r},${g},${b})`,
    '-draw',
    'circle 80,80 80,8',
    png,
  ]);
  const notImage = join(machine.dirs.files, 'bukan gambar.png');
  writeFileSync(notImage, 'ini bukan gambar');

  await machine.with([plan], async (app) => {
    await app.see('Logo kop');
    await app.see('Belum ada logo');

    // A file that only pretends to be an image is refused beside the logo.
    await app.clickButton('Pilih logo…');
    await answerFileDialog('Pilih logo kop', notImage);
    await app.see('Logo harus berupa gambar PNG atau JPEG.');

    await app.clickButton('Pilih logo…');
    await answerFileDialog('Pilih logo kop', png);
    const img = await app.one('//img[@alt="Logo kop"]', 'the logo');
    await app.waitFor(
      async () => (await app.cmd('GET', `/element/${img}/property/naturalWidth`)) === 160,
      'the logo drawn',
    );
    assert.equal((await app.findAll('.logo [role=alert]')).length, 0, 'the refusal is gone');
    await app.js(`document.querySelector('.logo').scrollIntoView({ block: 'center' })`);
    await app.screenshot('04-logo-kop');

    await app.clickButton('Laporan');
    await previewDrawn(app);
    await app.waitFor(async () => (await logoPixels(app)) > 50, 'the logo on the preview');
    await app.screenshot('05-laporan-logo');

    // Removing it takes it off the preview again.
    await app.clickButton('Ringkasan');
    await app.clickButton('Hapus logo');
    await app.see('Belum ada logo');
    await app.clickButton('Laporan');
    await previewDrawn(app);
    assert.equal(await logoPixels(app), 0);
  });
});
