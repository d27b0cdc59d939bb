// The plan screen: edit the identity, restart the app and find it kept; the recent list;
// the window title; read-only plans.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Machine, cli, windowTitles } from './driver.mjs';

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

let machine;
let plan;
before(async () => {
  machine = await Machine.start('plan');
  plan = join(machine.dirs.files, 'Renja RB Disbun 2023.renjarb');
  cli('new', plan, '--tahun', '2023');
});
after(async () => {
  await machine?.stop();
});

test('edits the identity, and after a restart finds it kept', async () => {
  await machine.with([plan], async (app) => {
    await app.see('Identitas rencana');
    assert.equal(await app.value('Nomor keputusan'), 'B-3951/DISBUN/SET-I/000.7.2.6/12/2022');
    await app.fill('Kepala perangkat daerah', 'Ir. H. Contoh Kepala, M.Si');
    await app.fill('NIP kepala', '19700101 199003 1 001');
    await app.fill('Pangkat/golongan kepala', '  Pembina Utama Muda (IV/c) ');
    await app.fill('Ketua Tim RB', 'Siti <b>Aminah</b>');
    await app.fill('Pangkat/golongan ketua Tim RB', 'Pembina (IV/a)');
    await app.fill('Nomor keputusan', 'B-100/DISBUN/2023');
    await app.see('Semua perubahan tersimpan');
    // The pangkat is stored trimmed, and the file holds both.
    assert.equal(await app.value('Pangkat/golongan kepala'), 'Pembina Utama Muda (IV/c)');
    const stored = JSON.parse(cli('info', '--json', plan)).identity;
    assert.deepEqual(
      [stored.kepala_pangkat, stored.ketua_pangkat],
      ['Pembina Utama Muda (IV/c)', 'Pembina (IV/a)'],
    );
    await app.screenshot('00-identity-pangkat');
    // The NIP is stored without spaces and shown as stored.
    assert.equal(await app.value('NIP kepala'), '197001011990031001');

    // A NIP that is not 18 digits is refused beside the field and not stored.
    await app.fill('NIP ketua Tim RB', '12345');
    assert.equal(await app.alertText(), 'NIP harus terdiri dari 18 angka.');
    await app.screenshot('01-identity-invalid-nip');
    assert.equal(JSON.parse(cli('info', '--json', plan)).identity.ketua_nip, '');
  });

  // Restart: the plan is in the recent list; open it from there.
  await machine.with([], async (app) => {
    await app.see('Berkas terakhir');
    await app.see('Dinas Perkebunan · 2023');
    await app.screenshot('02-recent-list');
    await app.clickEl(await app.one('//button[contains(@title, "Renja RB Disbun 2023.renjarb")]'));
    await app.see('Identitas rencana');
    assert.equal(await app.value('Kepala perangkat daerah'), 'Ir. H. Contoh Kepala, M.Si');
    assert.equal(await app.value('NIP kepala'), '197001011990031001');
    assert.equal(await app.value('Pangkat/golongan kepala'), 'Pembina Utama Muda (IV/c)');
    assert.equal(await app.value('Pangkat/golongan ketua Tim RB'), 'Pembina (IV/a)');
    assert.equal(await app.value('Nomor keputusan'), 'B-100/DISBUN/2023');
    // Markup typed by a user is kept as text, never rendered.
    assert.equal(await app.value('Ketua Tim RB'), 'Siti <b>Aminah</b>');
    assert.equal((await app.findAll('form b')).length, 0);
    // The window title names the file.
    assert.ok(
      windowTitles().includes('Renja RB Disbun 2023.renjarb — Renja RB'),
      `window titles: ${JSON.stringify(windowTitles())}`,
    );
    await app.screenshot('03-plan-after-restart');
    // While it is open here, its lock file says so (a second editor is refused).
    assert.deepEqual(readdirSync(machine.dirs.files).sort(), [
      '.~lock.Renja RB Disbun 2023.renjarb#',
      'Renja RB Disbun 2023.renjarb',
    ]);
    await app.clickButton('Tutup');
    await app.see('Berkas terakhir');
  });
  // Nothing is left beside the plan file once it is closed.
  assert.deepEqual(readdirSync(machine.dirs.files), ['Renja RB Disbun 2023.renjarb']);
});

test('sets the decree date by day, month name and year', async () => {
  await machine.with([plan], async (app) => {
    await app.see('Identitas rencana');
    const day = await app.one('//select[@aria-label="Tanggal (hari)"]');
    const month = await app.one('//select[@aria-label="Bulan"]');
    assert.equal(await app.cmd('GET', `/element/${day}/property/value`), '1');
    const choose = async (select, text) => {
      await app.clickEl(select);
      await app.clickEl(
        await app.one(
          `//select[@id="${await app.attr(select, 'id')}" or @aria-label="${await app.attr(select, 'aria-label')}"]/option[normalize-space(.)="${text}"]`,
        ),
      );
    };
    await choose(month, 'Januari');
    await choose(day, '15');
    // The two choices are two saves; wait until the file (read beside the open app) holds
    // the second before closing.
    await app.waitFor(
      async () =>
        JSON.parse(cli('info', '--json', plan)).identity.tanggal_keputusan === '2022-01-15',
      'the decree date stored',
    );
    await app.see('Semua perubahan tersimpan');
    await app.clickButton('Tutup');
    await app.see('Berkas terakhir');
  });
  assert.equal(JSON.parse(cli('info', '--json', plan)).identity.tanggal_keputusan, '2022-01-15');
});

test('a read-only file opens with a banner and nothing can change it', async () => {
  const copy = join(machine.dirs.files, 'kolega.renjarb');
  cli('new', copy, '--tahun', '2024');
  chmodSync(copy, 0o444);
  const before = sha256(copy);
  await machine.with([copy], async (app) => {
    await app.see('Hanya-baca.');
    await app.see('tidak dapat ditulis');
    const input = await app.field('Instansi / perangkat daerah');
    assert.equal(await app.attr(input, 'readonly'), 'true');
    await app.screenshot('04-read-only');
  });
  assert.equal(sha256(copy), before);
  assert.deepEqual(readdirSync(machine.dirs.files).sort(), [
    'Renja RB Disbun 2023.renjarb',
    'kolega.renjarb',
  ]);
});

test('a recent file that was deleted is marked missing and can be removed', async () => {
  const gone = join(machine.dirs.files, 'hilang.renjarb');
  cli('new', gone, '--tahun', '2025');
  await machine.with([gone], async (app) => {
    await app.see('Identitas rencana');
  });
  rmSync(gone);
  await machine.with([], async (app) => {
    await app.see('Berkas tidak ditemukan');
    await app.screenshot('05-recent-missing');
    await app.clickButton('Hapus hilang.renjarb dari daftar');
    await app.waitFor(
      async () => !(await app.pageText()).includes('hilang.renjarb'),
      'the missing file to leave the list',
    );
    await app.see('Renja RB Disbun 2023.renjarb');
  });
});
