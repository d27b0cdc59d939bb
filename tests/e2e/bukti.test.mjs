// Bukti dukung: attach a PDF through the real file dialog, see the cell's count and state change,
// save the file out and compare hashes, restart and find it kept; attach a large file and
// follow the progress bar while it is stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KEY, Machine, answerFileDialog, cli, onePagePdf } from './driver.mjs';

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';
// Storing this many bytes takes about 4 s in a debug build on a 2-core machine (hashed, copied
// in and read back): long enough to see the bar for seconds, well within the 300 MB limit.
const BIG_FILE_BYTES = 200 * 1024 * 1024;
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

let machine;
before(async () => {
  machine = await Machine.start('bukti');
});
after(async () => {
  await machine?.stop();
});

async function nameCell(app) {
  await cell(app, 1);
  return app.one(
    `//div[contains(@class,"row tahapan")][.//span[contains(@class,"label") and normalize-space(.)="${FIRST}"]]//div[contains(@class,"name")]`,
    'the first tahapan name',
  );
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

test('attaches a PDF, sees the month change, saves it out identical, and keeps it', async () => {
  const plan = join(machine.dirs.files, 'bukti.renjarb');
  cli('new', plan, '--tahun', String(new Date().getFullYear() - 1));
  // A small real PDF with a name that needs care.
  const pdf = join(machine.dirs.files, 'SK Tim RB (final).pdf');
  writeFileSync(pdf, onePagePdf('SK Tim Reformasi Birokrasi'));
  const saved = join(machine.dirs.files, 'tersimpan.pdf');

  await machine.with([plan], async (app) => {
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    // Schedule February and record it done: without evidence it is "done, no evidence".
    await app.clickEl(await cell(app, 2));
    await app.clickButton('Realisasi');
    await app.clickEl(await cell(app, 2));
    await app.clickEl(await app.one('//label[normalize-space(.)="Selesai"]/input'));
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await app.attr(await cell(app, 2), 'data-state')) === 'selesaiTanpaBukti',
      'February done without evidence',
    );

    // Attach the PDF to February through the file dialog.
    await app.clickButton('Panel bukti dukung');
    await app.clickEl(await cell(app, 2));
    await app.see('Realisasi Februari');
    await app.press(KEY.ESCAPE);
    await app.clickButton('+ Tambah bukti');
    await app.fill('Judul', 'SK Tim RB <b>final</b>');
    await app.fill('Nomor dokumen', '800/12/DISBUN/2025');
    const feb = await app.one(
      '//fieldset[contains(@class,"months")]//label[normalize-space(.)="Feb"]/input',
    );
    assert.equal(
      await app.cmd('GET', `/element/${feb}/property/checked`),
      true,
      'the cell month is preset',
    );
    await app.clickButton('Pilih berkas…');
    await answerFileDialog('Pilih berkas bukti dukung', pdf);
    await app.see('SK Tim RB (final).pdf');
    await app.screenshot('01-add-evidence');
    await app.clickButton('Simpan');

    await app.waitFor(
      async () => (await app.attr(await cell(app, 2), 'data-state')) === 'selesai',
      'February done with evidence',
    );
    assert.match(await app.attr(await cell(app, 2), 'aria-label'), /1 bukti dukung/);
    await app.see('SK Tim RB <b>final</b>');
    assert.equal((await app.findAll('aside b')).length, 0, 'the title is shown as text');
    await app.see(sha256(pdf).slice(0, 12));
    await app.screenshot('02-evidence-listed');

    // View it inside the app: pdf.js draws its page.
    await app.clickButton('Lihat SK Tim RB (final).pdf');
    await app.one('//canvas[@aria-label="Halaman 1 dari 1"]', 'the drawn PDF page');
    await app.waitFor(
      () =>
        app.js(
          `const c = document.querySelector('canvas'); if (!c || c.width === 0) return false;
           const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
           for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false;`,
        ),
      'pixels on the PDF page',
    );
    await app.screenshot('02b-preview');
    await app.clickButton('Tutup pratinjau');

    // Save the file out through the save dialog and compare.
    await app.clickButton('Simpan SK Tim RB (final).pdf');
    await answerFileDialog('Simpan berkas bukti dukung', saved, { replace: true });
    await app.see('Berkas disimpan di');
  });
  assert.equal(sha256(saved), sha256(pdf));

  await machine.with([plan], async (app) => {
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    assert.equal(await app.attr(await cell(app, 2), 'data-state'), 'selesai');
    // The plan-wide list finds it by kind and by file name.
    await app.clickButton('Bukti dukung');
    await app.see('Daftar bukti dukung');
    await app.see('1 dari 1 bukti');
    await app.clickEl(
      await app.one('//select[@aria-label="Jenis"]/option[normalize-space(.)="Foto"]'),
    );
    await app.see('Tidak ada bukti dukung yang cocok dengan saringan.');
    await app.clickEl(
      await app.one('//select[@aria-label="Jenis"]/option[normalize-space(.)="Laporan"]'),
    );
    await app.fill('Cari bukti', '(final).pdf');
    await app.see('1 dari 1 bukti');
    await app.screenshot('03-evidence-list');
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    await app.clickButton('Panel bukti dukung');
    await app.clickEl(await nameCell(app));
    await app.see('SK Tim RB (final).pdf');

    // Change its details: title and kind; undo takes it back.
    await app.clickButton('Ubah bukti SK Tim RB <b>final</b>');
    await app.see('Ubah bukti dukung');
    await app.fill('Judul', 'SK Tim RB (revisi)');
    await app.clickEl(await app.one('//select[@name="jenis"]/option[normalize-space(.)="SK"]'));
    await app.clickButton('Simpan');
    await app.see('SK Tim RB (revisi)');
    await app.clickButton('↶ Urungkan');
    await app.see('SK Tim RB <b>final</b>');

    // Deleting the evidence asks first and can be undone.
    await app.clickButton('Hapus bukti SK Tim RB <b>final</b>');
    await app.clickEl(
      await app.one('//*[@role="alertdialog"]//button[normalize-space(.)="Hapus"]'),
    );
    await app.waitFor(
      async () => (await app.attr(await cell(app, 2), 'data-state')) === 'selesaiTanpaBukti',
      'evidence gone',
    );
    await app.clickButton('↶ Urungkan');
    await app.waitFor(
      async () => (await app.attr(await cell(app, 2), 'data-state')) === 'selesai',
      'evidence back',
    );
  });
});

/** `size` random bytes at `path`, written in 8 MiB pieces (never held whole in memory). */
function randomFile(path, size) {
  const fd = openSync(path, 'w');
  try {
    for (let left = size; left > 0; left -= 8 << 20) {
      writeSync(fd, randomBytes(Math.min(left, 8 << 20)));
    }
  } finally {
    closeSync(fd);
  }
}

test('shows a progress bar while a large file is stored, then lists the file', async (t) => {
  const plan = join(machine.dirs.files, 'besar.renjarb');
  cli('new', plan, '--tahun', String(new Date().getFullYear() - 1));
  const video = join(machine.dirs.files, 'Video sosialisasi.mp4');
  randomFile(video, BIG_FILE_BYTES);
  const hash = createHash('sha256').update(readFileSync(video)).digest('hex');

  await machine.with([plan], async (app) => {
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    await app.clickButton('Panel bukti dukung');
    await app.clickEl(await nameCell(app));
    await app.see('Belum ada bukti dukung untuk tahapan ini.');
    await app.clickButton('+ Tambah bukti');
    await app.fill('Judul', 'Video sosialisasi RB');
    await app.clickButton('Pilih berkas…');
    await answerFileDialog('Pilih berkas bukti dukung', video);
    await app.see('Video sosialisasi.mp4');

    // Every label the bar shows, as the page draws it: proof that it moved, however fast.
    await app.js(`
      window.__labels = [];
      new MutationObserver(() => {
        const label = document.querySelector('[role="dialog"] .progress span')?.textContent;
        if (label && window.__labels.at(-1) !== label) window.__labels.push(label);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });`);
    await app.clickButton('Simpan');
    const started = Date.now();
    const bar = '//*[@role="dialog"]//progress[@aria-label="Kemajuan menyimpan berkas"]';
    await app.one(bar, 'the progress bar');
    await app.screenshot('04-large-file-progress');
    // While the bar shows, the dialog can be neither sent again nor closed: Escape leaves it
    // open (checked while the bar is still there, in one step in the page).
    await app.press(KEY.ESCAPE);
    const during = await app.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const dialog = document.querySelector('[role="dialog"]');
          const button = (name) =>
            [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent.trim() === name);
          done({
            bar: !!dialog?.querySelector('progress'),
            open: !!dialog,
            batal: button('Batal')?.disabled,
            simpan: button('Simpan')?.disabled,
            pilih: button('Pilih berkas…')?.disabled,
          });
        }));`,
      args: [],
    });
    assert.deepEqual(
      during,
      { bar: true, open: true, batal: true, simpan: true, pilih: true },
      'the file was stored before the test could look: make BIG_FILE_BYTES larger',
    );

    // Stored: the dialog closes and the panel lists the file with its hash.
    await app.waitFor(
      async () => (await app.findAllX('//*[@role="dialog"]')).length === 0,
      'the dialog to close',
      120_000,
    );
    const took = Date.now() - started;
    await app.see('Video sosialisasi.mp4');
    await app.see(hash.slice(0, 12));
    await app.screenshot('05-large-file-listed');

    const labels = await app.js('return window.__labels');
    const percents = labels.map((l) => Number(/^Menyimpan berkas… (\d+)%$/.exec(l)?.[1]));
    assert.ok(percents.every(Number.isInteger), `labels: ${labels}`);
    assert.ok(
      percents.every((p, i) => i === 0 || p > percents[i - 1]),
      `the bar only moves forward: ${labels}`,
    );
    assert.equal(percents[0], 0, `labels: ${labels}`);
    assert.ok(
      percents.filter((p) => p > 0 && p < 100).length >= 3,
      `the bar moves through the file: ${labels}`,
    );
    t.diagnostic(
      `${BIG_FILE_BYTES >> 20} MiB stored in about ${took} ms; the bar showed ${labels}`,
    );
  });
});
