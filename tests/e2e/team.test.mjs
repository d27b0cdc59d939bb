// The Tim RB tab: add, edit, reorder and remove members; their Pokja feeds the penanggung
// jawab choices of the grid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Machine, cli } from './driver.mjs';

let machine;
before(async () => {
  machine = await Machine.start('team');
});
after(async () => {
  await machine?.stop();
});

function members(app) {
  return app.table('//section[@aria-labelledby="team-title"]//table/tbody/tr');
}

test('adds, edits, reorders and removes team members', async () => {
  const plan = join(machine.dirs.files, 'tim.renjarb');
  cli('new', plan, '--tahun', '2026');
  await machine.with([plan], async (app) => {
    await app.clickButton('Tim RB');
    await app.see('Belum ada anggota tim.');
    const add = async (nama, nip, jabatan, peran, pokja) => {
      await app.fill('Nama', nama);
      await app.fill('NIP', nip);
      await app.fill('Jabatan', jabatan);
      await app.clickEl(
        await app.one(`//select[@name="peran"]/option[normalize-space(.)="${peran}"]`),
      );
      await app.fill('Pokja', pokja);
      await app.clickButton('Tambah anggota');
      await app.see(nama);
    };
    await add('Ir. Ani Lestari', '19750505 200003 2 001', 'Sekretaris Dinas', 'Ketua', '');
    await add(
      'Budi Santoso',
      '19800101 200501 1 003',
      'Analis Kebijakan',
      'Anggota Pokja',
      'Pokja Digitalisasi',
    );
    const rows = await members(app);
    assert.deepEqual(
      rows.map((r) => r.slice(0, 6)),
      [
        ['1', 'Ir. Ani Lestari', '197505052000032001', 'Sekretaris Dinas', 'Ketua', ''],
        [
          '2',
          'Budi Santoso',
          '198001012005011003',
          'Analis Kebijakan',
          'Anggota Pokja',
          'Pokja Digitalisasi',
        ],
      ],
    );
    await app.clickButton('Naikkan Budi Santoso');
    await app.waitFor(async () => (await members(app))[0]?.[1] === 'Budi Santoso', 'Budi first');
    await app.clickButton('Ubah Ir. Ani Lestari');
    await app.fill('Jabatan', 'Kepala Bidang');
    await app.clickButton('Simpan perubahan');
    await app.waitFor(
      async () => (await members(app))[1]?.[3] === 'Kepala Bidang',
      'the new jabatan',
    );
    // A bad NIP is refused with a message and nothing is added.
    await app.fill('Nama', 'Citra');
    await app.fill('NIP', '123');
    await app.clickButton('Tambah anggota');
    assert.equal(await app.alertText(), 'NIP harus terdiri dari 18 angka.');
    assert.equal((await members(app)).length, 2);
    await app.screenshot('01-team');
    await app.clickButton('Hapus Ir. Ani Lestari');
    await app.clickEl(
      await app.one('//*[@role="alertdialog"]//button[normalize-space(.)="Hapus"]'),
    );
    await app.waitFor(async () => (await members(app)).length === 1, 'one member left');
    await app.clickButton('↶ Urungkan');
    await app.waitFor(async () => (await members(app)).length === 2, 'the member back');

    // The team's Pokja is offered first as penanggung jawab in the grid's filter.
    await app.clickButton('Rencana aksi');
    const first = await app.js(
      `return document.querySelector('select[aria-label="Saring penanggung jawab"] option:nth-child(2)').textContent`,
    );
    assert.equal(first, 'Pokja Digitalisasi');
  });
  const dump = JSON.parse(cli('dump', plan));
  assert.deepEqual(
    dump.anggota.map((a) => [a.nama, a.peran, a.jabatan]),
    [
      ['Budi Santoso', 'anggotaPokja', 'Analis Kebijakan'],
      ['Ir. Ani Lestari', 'ketua', 'Kepala Bidang'],
    ],
  );
});
