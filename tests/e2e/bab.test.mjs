// The Laporan Tahunan as a whole document: a chapter written in the Laporan tab, undone and
// redone, the empty chapters marked only in the preview, then the document saved as PDF and
// as Word through the real save dialog and both files read back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Machine, answerFileDialog, cli } from './driver.mjs';

const YEAR = new Date().getFullYear() - 1;
const PENDAHULUAN =
  'Reformasi birokrasi diartikan sebagai upaya untuk melakukan pembaharuan dan perubahan ' +
  'mendasar terhadap sistem penyelenggaraan pemerintahan dalam rangka mewujudkan tata kelola ' +
  'pemerintahan yang baik. Laporan tahunan ini menyajikan pelaksanaan Rencana Kerja Reformasi ' +
  'Birokrasi selama satu tahun beserta kendala dan tindak lanjutnya.';

let machine;
before(async () => {
  machine = await Machine.start('bab');
});
after(async () => {
  await machine?.stop();
});

async function choose(app, label, option) {
  await app.clickEl(
    await app.one(
      `//label[span[normalize-space(.)="${label}"]]//select/option[normalize-space(.)="${option}"]`,
      `option "${option}" of "${label}"`,
    ),
  );
}

async function previewReady(app) {
  await app.waitFor(
    async () => !(await app.pageText()).includes('Menyiapkan pratinjau'),
    'the preview to be ready',
    60_000,
  );
  await app.waitFor(
    () => app.js(`const c = document.querySelector('.preview canvas'); return !!c && c.width > 0;`),
    'a drawn preview page',
    60_000,
  );
}

async function saved(app, name) {
  await app.one(
    `//*[@role="status"][.//p[starts-with(normalize-space(.), "Laporan disimpan: ${name}")]]`,
    `the message for ${name}`,
  );
}

test('writes BAB I in the Laporan tab, undoes and redoes it, saves the PDF and the DOCX', async () => {
  const plan = join(machine.dirs.files, 'dokumen.renjarb');
  cli('new', plan, '--tahun', String(YEAR));
  const pdf = join(machine.dirs.files, 'laporan tahunan lengkap.pdf');
  const docx = join(machine.dirs.files, 'laporan tahunan lengkap.docx');
  await machine.with([plan], async (app) => {
    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Laporan Tahunan (dokumen lengkap)');
    await previewReady(app);
    await app.fill('BAB I Pendahuluan', PENDAHULUAN);
    // The chapter is an edit of the plan: undo takes it back, redo brings it again.
    await app.clickButton('↶ Urungkan');
    await app.waitFor(
      async () => (await app.value('BAB I Pendahuluan')) === '',
      'BAB I emptied by undo',
    );
    await app.clickButton('↷ Ulangi');
    await app.waitFor(
      async () => (await app.value('BAB I Pendahuluan')) === PENDAHULUAN,
      'BAB I back by redo',
    );
    await previewReady(app);
    await app.screenshot('01-laporan-tahunan-dokumen');

    await app.clickButton('Simpan PDF…');
    await answerFileDialog('Simpan laporan', pdf, { replace: true });
    await saved(app, 'laporan tahunan lengkap.pdf');

    await app.clickEl(await app.one('//label[normalize-space(.)="Word"]/input', 'Word'));
    await app.clickButton('Simpan Word…');
    await answerFileDialog('Simpan laporan', docx, { replace: true });
    await saved(app, 'laporan tahunan lengkap.docx');
    await app.screenshot('02-laporan-tahunan-word');
  });

  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /DAFTAR ISI/);
  assert.match(text, /BAB I PENDAHULUAN/);
  assert.match(text, /BAB V PENUTUP/);
  assert.match(text, /LAMPIRAN I RENCANA AKSI REFORMASI BIROKRASI/);
  assert.ok(text.includes(PENDAHULUAN), `the chapter is printed:\n${text.slice(0, 3000)}`);
  assert.ok(!text.includes('[Bab ini belum diisi]'), 'no placeholder in the saved PDF');

  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(xml.includes(PENDAHULUAN), 'the chapter is in the Word document');
  assert.ok(xml.includes('<w:pStyle w:val="Heading1" />'), 'chapters are Word headings');
  assert.ok(!xml.includes('[Bab ini belum diisi]'), 'no placeholder in the saved DOCX');
});
