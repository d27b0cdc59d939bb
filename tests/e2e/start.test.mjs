// The start screen: create a plan from the template, refuse bad files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Machine, FIXTURES, cli, existsSync } from './driver.mjs';

const PROGRAMS = [
  ['1', 'Manajemen Perubahan', '4', '10', '13', '17'],
  ['2', 'Penataan Peraturan Perundang-undangan', '1', '2', '3', '4'],
  ['3', 'Penataan dan Penguatan Organisasi', '1', '1', '2', '3'],
  ['4', 'Penataan Tata Laksana', '2', '5', '6', '6'],
  ['5', 'Penataan Sistem Manajemen SDM', '5', '8', '11', '17'],
  ['6', 'Penguatan Akuntabilitas', '4', '5', '9', '12'],
  ['7', 'Penguatan Pengawasan', '1', '8', '9', '28'],
  ['8', 'Peningkatan Kualitas Pelayanan Publik', '1', '6', '6', '19'],
];

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

let machine;
before(async () => {
  machine = await Machine.start('start');
});
after(async () => {
  await machine?.stop();
});

test('creates a plan from the template and shows its 8 programs', async () => {
  const expected = join(machine.dirs.docs, 'Renja RB', 'Renja RB 2026.renjarb');
  await machine.with([], async (app) => {
    await app.see('Belum ada berkas yang pernah dibuka.');
    await app.screenshot('01-start-empty');
    await app.clickButton('Buat rencana baru');
    await app.see('Disimpan sebagai');
    await app.fill('Tahun rencana', '2026');
    await app.waitFor(
      async () => (await app.attr(await app.one('//output'), 'title')) === expected,
      'the proposed path in Dokumen',
    );
    await app.see('Renja RB 2026.renjarb');
    await app.screenshot('02-new-plan-dialog');
    await app.clickButton('Buat rencana');
    await app.one('//h2[normalize-space(.)="Program area perubahan"]', 'the plan screen');
    // The counts of the plan's rows, under the Ringkasan dashboard.
    const programs = '//section[@aria-labelledby="programs-title"]//table';
    await app.waitFor(async () => (await app.findAllX(`${programs}/tbody/tr`)).length > 0, 'rows');

    assert.deepEqual(await app.table(`${programs}/tbody/tr`), PROGRAMS);
    assert.deepEqual(await app.table(`${programs}/tfoot/tr`), [
      ['', 'Jumlah (8 program)', '19', '45', '59', '106'],
    ]);
    assert.equal(await app.value('Tahun rencana'), '2026');
    await app.screenshot('03-plan-from-template');
  });
  assert.ok(existsSync(expected), `plan file at ${expected}`);
  const info = JSON.parse(cli('info', '--json', expected));
  assert.equal(info.programs, 8);
  assert.equal(info.tahapan, 106);
  assert.equal(info.identity.tahun, 2026);
});

test('refuses a file that is not a plan, with a clear message, and leaves it unchanged', async () => {
  const bad = join(machine.dirs.files, 'laporan.renjarb');
  copyFileSync(join(FIXTURES, 'bad', 'html.renjarb'), bad);
  const before = sha256(bad);
  await machine.with([bad], async (app) => {
    assert.equal(
      await app.alertText(),
      'Berkas "laporan.renjarb" bukan berkas rencana Renja RB (.renjarb): isinya sebuah halaman web (HTML). Berkas tidak diubah.',
    );
    await app.screenshot('04-bad-file');
    // Dismissing the message leaves the start screen usable.
    await app.clickButton('Tutup pesan');
    await app.see('Buat rencana baru');
    assert.equal((await app.findAllX('//*[@role="alert"]')).length, 0);
  });
  assert.equal(sha256(bad), before);
});

test('refuses a truncated plan and one from a newer version', async () => {
  for (const [name, expect] of [
    ['truncated.renjarb', /terpotong/],
    ['newer.renjarb', /versi yang lebih baru/],
  ]) {
    const file = join(machine.dirs.files, name);
    copyFileSync(join(FIXTURES, 'bad', name), file);
    const before = sha256(file);
    await machine.with([file], async (app) => {
      assert.match(await app.alertText(), expect);
      await app.screenshot(`05-refused-${name}`);
    });
    assert.equal(sha256(file), before);
    assert.ok(statSync(file).size > 0);
  }
});
