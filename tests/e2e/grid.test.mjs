// The month grid: schedule months by click and drag, undo and redo, rename, add, reorder and
// delete rows, keyboard use, filters, a restart, and a generated plan of 1,000 tahapan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KEY, Machine, cli } from './driver.mjs';

const FIRST = 'Menyusun susunan Tim RB Unit Kerja';

let machine;
before(async () => {
  machine = await Machine.start('grid');
});
after(async () => {
  await machine?.stop();
});

/** The rendered rows: level, name and the scheduled month numbers. */
function rows(app) {
  return app.js(`
    return [...document.querySelectorAll('.body .row')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => ({
        key: r.dataset.key,
        level: r.dataset.key.split(':')[0],
        nama: r.querySelector('.name .label')?.textContent ?? r.querySelector('.name input')?.value,
        bulan: [...r.querySelectorAll('[data-month]')]
          .filter((c) => c.getAttribute('aria-selected') === 'true')
          .map((c) => Number(c.dataset.month)),
      }));`);
}

async function rowByName(app, nama) {
  return app.waitFor(async () => (await rows(app)).find((r) => r.nama === nama), `row "${nama}"`);
}

async function monthCell(app, nama, month) {
  const row = await rowByName(app, nama);
  return app.one(`//div[@data-key="${row.key}"]//div[@data-month="${month}"]`, `${nama} ${month}`);
}

async function nameCell(app, nama) {
  const row = await rowByName(app, nama);
  return app.one(`//div[@data-key="${row.key}"]//div[contains(@class,"name")]`, `name ${nama}`);
}

async function months(app, nama) {
  return (await rowByName(app, nama)).bulan;
}

async function openGrid(app, program) {
  await app.clickButton('Rencana aksi');
  await app.see('Uraian');
  if (program)
    await app.clickEl(
      await app.one(
        `//nav[@aria-label="Program"]//button[.//span[normalize-space(.)=${JSON.stringify(program)}]]`,
      ),
    );
}

test('schedules months by click and by drag, undoes, redoes, and keeps them after a restart', async () => {
  const plan = join(machine.dirs.files, 'jadwal.renjarb');
  cli('new', plan, '--tahun', '2026');
  await machine.with([plan], async (app) => {
    await openGrid(app, 'Manajemen Perubahan');
    await app.clickEl(await monthCell(app, FIRST, 2));
    await app.waitFor(async () => (await months(app, FIRST)).join() === '2', 'February scheduled');
    await app.drag(await monthCell(app, FIRST, 4), await monthCell(app, FIRST, 7));
    await app.waitFor(
      async () => (await months(app, FIRST)).join() === '2,4,5,6,7',
      'April–July scheduled',
    );
    await app.screenshot('01-months-scheduled');

    await app.clickButton('↶ Urungkan');
    await app.waitFor(async () => (await months(app, FIRST)).join() === '2', 'the drag undone');
    // Ctrl+Z with the grid focused undoes the click too; Ctrl+Shift+Z and "Ulangi" redo.
    await app.clickEl(await nameCell(app, FIRST));
    await app.press([KEY.CONTROL, 'z']);
    await app.waitFor(async () => (await months(app, FIRST)).length === 0, 'the click undone');
    await app.press([KEY.CONTROL, KEY.SHIFT, 'z']);
    await app.waitFor(async () => (await months(app, FIRST)).join() === '2', 'the click redone');
    await app.clickButton('↷ Ulangi');
    await app.waitFor(
      async () => (await months(app, FIRST)).join() === '2,4,5,6,7',
      'the drag redone',
    );
  });
  const dump = JSON.parse(cli('dump', plan));
  const t = dump.programs[0].outcomes[0].kegiatan[0].outputs[0].tahapan[0];
  assert.equal(t.nama, FIRST);
  assert.deepEqual(t.bulan, [2, 4, 5, 6, 7]);

  await machine.with([plan], async (app) => {
    await openGrid(app, 'Manajemen Perubahan');
    assert.deepEqual(await months(app, FIRST), [2, 4, 5, 6, 7]);
    await app.screenshot('02-months-after-restart');
  });
});

test('renames, adds, reorders and deletes rows, and the keyboard works', async () => {
  const plan = join(machine.dirs.files, 'susun.renjarb');
  cli('new', plan, '--tahun', '2026');
  await machine.with([plan], async (app) => {
    await openGrid(app, 'Penataan Tata Laksana');
    const original = (await rows(app)).filter((r) => r.level === 'tahapan').map((r) => r.nama);
    const target = original[0];

    // Select a name and press Enter to rename it; Enter stores it.
    await app.clickEl(await nameCell(app, target));
    await app.press(KEY.ENTER);
    await app.one('//input[contains(@class,"cell-editor")]', 'the name editor');
    await app.type('Tahap pertama <b>baru</b>');
    await app.press(KEY.ENTER);
    await rowByName(app, 'Tahap pertama <b>baru</b>');
    // Escape leaves a name as it was.
    await app.press(KEY.ENTER);
    await app.one('//input[contains(@class,"cell-editor")]', 'the name editor');
    await app.type('dibatalkan');
    await app.press(KEY.ESCAPE);
    await rowByName(app, 'Tahap pertama <b>baru</b>');
    assert.equal((await app.findAll('.body b')).length, 0, 'markup is shown as text');

    // Add a tahapan beside it and name it right away.
    await app.clickButton('+ Tahapan sejajar');
    await app.one('//input[contains(@class,"cell-editor")]', 'the new row editor');
    await app.type('Langkah tambahan');
    await app.press(KEY.ENTER);
    await rowByName(app, 'Langkah tambahan');
    let order = (await rows(app)).map((r) => r.nama);
    assert.equal(order.indexOf('Langkah tambahan'), order.indexOf('Tahap pertama <b>baru</b>') + 1);

    // Move it up with Alt+Up, then down again with the button.
    await app.clickEl(await nameCell(app, 'Langkah tambahan'));
    await app.press([KEY.ALT, KEY.UP]);
    await app.waitFor(async () => {
      order = (await rows(app)).map((r) => r.nama);
      return order.indexOf('Langkah tambahan') + 1 === order.indexOf('Tahap pertama <b>baru</b>');
    }, 'the new row above');
    await app.clickButton('Turunkan');
    await app.waitFor(async () => {
      order = (await rows(app)).map((r) => r.nama);
      return order.indexOf('Langkah tambahan') === order.indexOf('Tahap pertama <b>baru</b>') + 1;
    }, 'the new row below again');
    const numbers = await app.js(
      `return [...document.querySelectorAll('.body .row.tahapan')].slice(0, 2).map((r) => r.querySelector('.no').textContent.trim())`,
    );
    assert.deepEqual(numbers, ['1', '2'], 'the rows are numbered in their new order');

    // Space on a month cell schedules it; arrows move between cells.
    await app.clickEl(await monthCell(app, 'Langkah tambahan', 3));
    await app.waitFor(
      async () => (await months(app, 'Langkah tambahan')).join() === '3',
      'March by click',
    );
    await app.press(KEY.RIGHT, KEY.SPACE);
    await app.waitFor(
      async () => (await months(app, 'Langkah tambahan')).join() === '3,4',
      'April by Space',
    );
    await app.screenshot('03-rows-edited');

    // Delete a kegiatan with everything beneath it, after a confirmation; then undo.
    const kegiatan = (await rows(app)).find((r) => r.level === 'kegiatan');
    await app.clickEl(await nameCell(app, kegiatan.nama));
    await app.clickButton('Hapus');
    const dialog = await app.one('//*[@role="alertdialog"]', 'the confirmation');
    assert.match(await app.text(dialog), /beserta \d+ tahapan di bawahnya/);
    await app.screenshot('04-confirm-delete');
    await app.clickEl(
      await app.one('//*[@role="alertdialog"]//button[normalize-space(.)="Hapus"]'),
    );
    await app.waitFor(
      async () => !(await rows(app)).some((r) => r.nama === kegiatan.nama),
      'the kegiatan gone',
    );
    await app.clickButton('↶ Urungkan');
    await rowByName(app, kegiatan.nama);
  });
  const tahapan = JSON.parse(cli('info', '--json', plan)).tahapan;
  assert.equal(tahapan, 107, 'one tahapan added, the deleted kegiatan restored');
});

test('filters by penanggung jawab and searches', async () => {
  const plan = join(machine.dirs.files, 'saring.renjarb');
  cli('new', plan, '--tahun', '2026');
  await machine.with([plan], async (app) => {
    await openGrid(app);
    const select = await app.one('//select[@aria-label="Saring penanggung jawab"]');
    await app.clickEl(select);
    await app.clickEl(
      await app.one(
        '//select[@aria-label="Saring penanggung jawab"]/option[normalize-space(.)="Pokja Penguatan Akuntabilitas"]',
      ),
    );
    await app.waitFor(async () => {
      const r = await rows(app);
      return (
        r.length > 0 &&
        r.every((x) => x.level !== 'program' || x.nama === 'Penguatan Akuntabilitas')
      );
    }, 'only the Akuntabilitas rows');
    await app.screenshot('05-filter-pj');
    await app.clickEl(select);
    await app.clickEl(await app.one('//select[@aria-label="Saring penanggung jawab"]/option[1]'));
    await app.fill('Cari', 'LHKPN');
    await app.waitFor(async () => (await rows(app)).length < 20, 'search results');
    const found = await app.js(
      `return [...document.querySelectorAll('.body .row.tahapan')].map((r) => r.querySelector('.name .label').textContent + ' | ' + r.querySelector('.kriteria .label').textContent)`,
    );
    assert.ok(found.length > 0, 'some tahapan match');
    for (const f of found) assert.match(f, /LHKPN/i);
  });
});

test('opens a generated plan of 1,000 tahapan and scrolls to its last row', async () => {
  const plan = join(machine.dirs.files, 'besar.renjarb');
  cli('generate', plan, '--tahapan', '1000', '--tahun', '2026', '--force');
  await machine.with([plan], async (app) => {
    await openGrid(app);
    const total = await app.js(
      `return document.querySelector('[role=grid]').getAttribute('aria-rowcount')`,
    );
    assert.ok(Number(total) > 1000, `rows: ${total}`);
    const rendered = await app.js(`return document.querySelectorAll('.body .row').length`);
    assert.ok(rendered < 80, `only the rows in view are rendered (${rendered})`);
    await app.js(`const s = document.querySelector('[role=grid]'); s.scrollTop = s.scrollHeight;`);
    await app.waitFor(
      async () =>
        (await app.js(
          `return Math.max(...[...document.querySelectorAll('.body .row')].map((r) => Number(r.getAttribute('aria-rowindex'))))`,
        )) === Number(total),
      'the last row rendered',
    );
    await app.screenshot('06-generated-1000-end');
  });
});
