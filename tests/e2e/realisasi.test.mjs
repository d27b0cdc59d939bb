// Recording what was done in a month: the realisasi dialog from a grid cell, the cell's
// state, a late month, hostile text shown as text, undo, and a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KEY, Machine, cli } from './driver.mjs';

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';

let machine;
before(async () => {
  machine = await Machine.start('realisasi');
});
after(async () => {
  await machine?.stop();
});

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

async function state(app, month) {
  return app.attr(await cell(app, month), 'data-state');
}

test('records progress in a cell and sees the cell change, then keeps it after a restart', async () => {
  // A plan for last year: every scheduled month has passed.
  const year = new Date().getFullYear() - 1;
  const plan = join(machine.dirs.files, 'realisasi.renjarb');
  cli('new', plan, '--tahun', String(year));
  await machine.with([plan], async (app) => {
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    // Schedule February and March in Jadwal mode.
    await app.drag(await cell(app, 2), await cell(app, 3));
    await app.waitFor(async () => (await state(app, 3)) === 'terlambat', 'March late');
    assert.equal(await state(app, 2), 'terlambat');

    // Record February as done, in Realisasi mode.
    await app.clickButton('Realisasi');
    await app.see('belum ada bukti dukung');
    await app.clickEl(await cell(app, 2));
    await app.see(`Realisasi Februari ${year}`);
    await app.see('Dijadwalkan bulan ini');
    await app.clickEl(await app.one('//label[normalize-space(.)="Selesai"]/input'));
    assert.equal(await app.value('Persentase capaian'), '100');
    await app.fill('Catatan', 'SK Tim RB ditandatangani');
    await app.fill('Kendala', '<img src=x onerror=alert(1)> rapat ditunda');
    await app.fill('Tindak lanjut', 'Dijadwalkan ulang');
    await app.screenshot('01-realisasi-dialog');
    await app.clickButton('Simpan');
    await app.waitFor(async () => (await state(app, 2)) === 'selesaiTanpaBukti', 'February done');
    assert.equal(
      await app.attr(await cell(app, 2), 'aria-label'),
      'Feb: selesai, belum ada bukti dukung',
    );

    // Record March as in progress with the keyboard: arrows, then Enter.
    await app.press(KEY.RIGHT, KEY.ENTER);
    await app.see(`Realisasi Maret ${year}`);
    await app.clickEl(await app.one('//label[normalize-space(.)="Dalam proses"]/input'));
    await app.fill('Persentase capaian', '40');
    await app.clickButton('Simpan');
    // March stays "terlambat", so wait for the dialog itself to go before the next click.
    await app.waitFor(
      async () => (await app.findAll('.backdrop')).length === 0,
      'the March dialog closed',
    );
    await app.waitFor(async () => (await state(app, 3)) === 'terlambat', 'March still late');

    // Work recorded in an unscheduled month: in progress, it is work outside the schedule.
    await app.clickEl(await cell(app, 5));
    await app.clickEl(await app.one('//label[normalize-space(.)="Dalam proses"]/input'));
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await state(app, 5)) === 'diLuarJadwal',
      'May outside the schedule',
    );
    await app.screenshot('02-cell-states');

    // Done in May, it completes the late March: both show "selesai terlambat".
    await app.waitFor(
      async () => (await app.findAll('.backdrop')).length === 0,
      'the May dialog closed',
    );
    await app.clickEl(await cell(app, 5));
    await app.see(`Realisasi Mei ${year}`);
    // The dialog shows May's record once it has loaded: only then is a choice kept.
    const proses = await app.one('//label[normalize-space(.)="Dalam proses"]/input');
    await app.waitFor(
      async () => (await app.cmd('GET', `/element/${proses}/property/checked`)) === true,
      "May's record loaded",
    );
    await app.clickEl(await app.one('//label[normalize-space(.)="Selesai"]/input'));
    await app.clickButton('Simpan');
    await app.waitFor(
      async () => (await state(app, 5)) === 'selesaiTerlambat',
      'May completes March late',
    );
    assert.equal(await state(app, 3), 'selesaiTerlambat');
    await app.see('selesai terlambat');
    await app.screenshot('02b-selesai-terlambat');

    // Undo takes back the last record: March is late again, May only in progress.
    await app.clickButton('↶ Urungkan');
    await app.waitFor(async () => (await state(app, 3)) === 'terlambat', 'March late again');
    assert.equal(await state(app, 5), 'diLuarJadwal');
  });

  const dump = JSON.parse(cli('info', '--json', plan));
  assert.equal(dump.tahapan, 106);

  await machine.with([plan], async (app) => {
    await app.clickButton('Rencana aksi');
    await app.see('Uraian');
    assert.equal(await state(app, 2), 'selesaiTanpaBukti');
    await app.clickButton('Realisasi');
    await app.clickEl(await cell(app, 2));
    await app.see(`Realisasi Februari ${year}`);
    assert.equal(await app.value('Catatan'), 'SK Tim RB ditandatangani');
    assert.equal(await app.value('Kendala'), '<img src=x onerror=alert(1)> rapat ditunda');
    assert.equal((await app.findAll('[role=dialog] img')).length, 0, 'markup is shown as text');
    // Removing the record empties the cell back to "late".
    await app.clickButton('Hapus realisasi');
    await app.waitFor(async () => (await state(app, 2)) === 'terlambat', 'February late again');
  });
});
