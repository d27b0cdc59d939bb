// First impressions on a small office laptop: the living example plan ("Buka contoh"), every
// tab and dialog walked through at 1280 × 720 with a screenshot each and a check that no
// field or button is cut off, the twelve months in view beside the evidence panel, "Teks
// lengkap", and the Uraian column's width remembered per plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Machine, SMALL_WINDOW, WINDOW, cli, windowTitles } from './driver.mjs';

let machine;
before(async () => {
  machine = await Machine.start('laptop');
});
after(async () => {
  await machine?.stop();
});

/** The controls (fields and buttons) of the open dialog, or of the page when none is open,
 * that a person cannot reach: cut off by a container that does not scroll, or inside a
 * scrolling container that is itself cut off by the window. */
async function unreachable(app) {
  return app.js(`
    const dialog = [...document.querySelectorAll('[role=dialog],[role=alertdialog],dialog[open]')].pop();
    const root = dialog ?? document.body;
    const scrolls = (s) => /auto|scroll/.test(s.overflowX + s.overflowY);
    const clips = (s) => /hidden|clip/.test(s.overflowX + s.overflowY);
    // Is the box of el within what its containers show, up to its nearest scroller, and is
    // that scroller (recursively) within the window?
    function cut(el) {
      const r = el.getBoundingClientRect();
      let view = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (scrolls(s)) return cut(a);
        if (clips(s)) {
          const b = a.getBoundingClientRect();
          view = { top: Math.max(view.top, b.top), left: Math.max(view.left, b.left),
                   bottom: Math.min(view.bottom, b.bottom), right: Math.min(view.right, b.right) };
        }
      }
      return r.top < view.top - 1 || r.left < view.left - 1 ||
             r.bottom > view.bottom + 1 || r.right > view.right + 1;
    }
    const out = [];
    for (const el of root.querySelectorAll('input, select, textarea, button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (cut(el)) out.push((el.getAttribute('aria-label') || el.textContent || el.name || el.type).trim().slice(0, 60));
    }
    return out;`);
}

/** Screenshot `name` and assert that everything on it can be reached. */
async function look(app, name) {
  await app.screenshot(name);
  assert.deepEqual(await unreachable(app), [], `cut off on ${name}`);
}

/** The month grid's December header and the grid's box, in window pixels. */
async function decemberInView(app) {
  return app.js(`
    const grid = document.querySelector('[role=grid]').getBoundingClientRect();
    const des = [...document.querySelectorAll('[role=columnheader]')].find((h) => h.textContent.trim() === 'Des');
    const r = des.getBoundingClientRect();
    return r.left >= grid.left && r.right <= grid.right;`);
}

/** A month cell in `state` that is fully in view (not under the sticky columns or header). */
async function cellInView(app, state) {
  const cells = await app.findAll(`[data-state=${state}]`);
  const i = await app.js(`
    const grid = document.querySelector('[role=grid]').getBoundingClientRect();
    const heads = [...document.querySelectorAll('[role=columnheader]')];
    const name = heads.find((h) => h.textContent.trim().startsWith('Uraian')).getBoundingClientRect();
    return [...document.querySelectorAll('[data-state=${state}]')].findIndex((c) => {
      const r = c.getBoundingClientRect();
      return r.left >= name.right && r.right <= grid.right - 16 && r.top >= name.bottom && r.bottom <= grid.bottom - 16;
    });`);
  assert.ok(i >= 0, `a cell "${state}" in view`);
  return cells[i];
}

test('opens the living example and walks every tab and dialog at 1280 × 720', async () => {
  await machine.with(
    [],
    async (app) => {
      await app.see('Belum ada berkas yang pernah dibuka.');
      await look(app, '01-start');
      await app.clickButton('Buat rencana baru');
      await app.see('Disimpan sebagai');
      await look(app, '02-new-plan-dialog');
      await app.clickButton('Batal');

      await app.clickButton('Buka contoh');
      await app.one('//h2[normalize-space(.)="Program area perubahan"]', 'the plan screen');
      const year = new Date().getFullYear();
      await app.waitFor(
        () => windowTitles().some((t) => t.includes('CONTOH')),
        'CONTOH in the window title',
      );
      assert.ok(
        windowTitles().includes(`Contoh Renja RB ${year}.renjarb — CONTOH — Renja RB`),
        windowTitles().join(' | '),
      );
      await app.see('Dinas Perkebunan (CONTOH)');
      await look(app, '03-ringkasan');

      await app.clickButton('Rencana aksi');
      await app.see('Uraian');
      await app.clickButton('Realisasi');
      // The example has records: cells done and late show.
      await app.waitFor(
        async () => (await app.findAll('[data-state^=selesai]')).length > 0,
        'months done in the example',
      );
      assert.ok((await app.findAll('[data-state=terlambat]')).length > 0, 'late months');
      await look(app, '04-rencana-aksi-realisasi');
      await app.waitFor(() => decemberInView(app), 'December in view without the panel');

      await app.clickButton('Panel bukti dukung');
      await app.see('Bukti dukung');
      await app.waitFor(() => decemberInView(app), 'December in view with the evidence panel open');
      // The first done month of the plan: its evidence in the panel.
      await app.clickEl(await cellInView(app, 'selesai'));
      await app.one('//button[normalize-space(.)="Hapus realisasi"]', 'the realisasi dialog');
      await look(app, '05-realisasi-dialog');
      await app.clickButton('Batal');
      await look(app, '06-bukti-panel');
      const preview = await app.findAllX('//button[starts-with(@aria-label, "Lihat ")]');
      assert.ok(preview.length > 0, 'the example evidence can be previewed');
      await app.clickEl(preview[0]);
      await app.one('//button[@aria-label="Tutup pratinjau"]', 'the preview');
      await look(app, '07-preview');
      await app.clickButton('Tutup pratinjau');
      await app.clickButton('+ Tambah bukti');
      await app.see('Judul');
      await look(app, '08-bukti-dialog');
      await app.clickButton('Batal');

      // Teks lengkap: rows grow to their whole text.
      const tallest = () =>
        app.js(
          `return Math.max(...[...document.querySelectorAll('[role=row][data-key]')].map((r) => r.offsetHeight))`,
        );
      assert.equal(await tallest(), 34);
      await app.clickEl(await app.one('//label[normalize-space(.)="Teks lengkap"]/input'));
      await app.waitFor(async () => (await tallest()) > 34, 'rows grown to their text');
      await look(app, '09-teks-lengkap');
      await app.clickButton('Panel bukti dukung');
      await app.clickButton('Jadwal');
      await app.clickButton('Hapus');
      await app.see('Hapus tahapan');
      await look(app, '10-hapus-confirm');
      await app.clickButton('Batal');

      await app.clickButton('Bukti dukung');
      await app.see('Daftar bukti dukung');
      await look(app, '11-bukti-dukung');

      await app.clickButton('LKE');
      await app.see('Hanya yang belum ada bukti');
      await look(app, '11b-lke');
      await app.clickButton('Tautkan tahapan ke butir 1.a.1');
      await app.see('Tahapan untuk butir 1.a.1');
      await look(app, '11c-lke-tautkan');
      await app.clickButton('Batal');
      await app.clickButton('+ Butir');
      await app.see('Tambah butir LKE');
      await look(app, '11d-lke-butir');
      await app.clickButton('Batal');

      await app.clickButton('Laporan');
      await app.see('Pratinjau');
      await look(app, '12-laporan');
      const laporan = await app.one('//select[@name="laporan"]');
      await app.js(
        `const s = arguments[0]; s.value = 'tahunan'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        { 'element-6066-11e4-a52e-4f735466cecf': laporan },
      );
      await app.see('Kesimpulan');
      await look(app, '13-laporan-tahunan');

      await app.clickButton('Tim RB');
      await app.see('Siti Rahmawati');
      await look(app, '14-tim');
      await app.clickButton('Ubah Siti Rahmawati, S.E., M.M.');
      await look(app, '15-tim-ubah');
    },
    SMALL_WINDOW,
  );
});

test('the example made by the command line has every state, and the Uraian width is remembered', async () => {
  const plan = join(machine.dirs.files, 'contoh.renjarb');
  cli('new', plan, '--contoh');
  const info = JSON.parse(cli('info', '--json', plan));
  assert.equal(info.identity.instansi, 'Dinas Perkebunan (CONTOH)');
  assert.equal(info.anggota, 10);

  let width;
  await machine.with(
    [plan],
    async (app) => {
      await app.clickButton('Rencana aksi');
      await app.see('Uraian');
      const nameWidth = () =>
        app.js(
          `return Math.round([...document.querySelectorAll('[role=columnheader]')].find((h) => h.textContent.trim().startsWith('Uraian')).getBoundingClientRect().width)`,
        );
      const before = await nameWidth();
      const handle = await app.one('//*[@role="separator" and @aria-label="Lebar kolom uraian"]');
      await app.cmd('POST', '/actions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              {
                type: 'pointerMove',
                duration: 0,
                origin: { 'element-6066-11e4-a52e-4f735466cecf': handle },
                x: 0,
                y: 0,
              },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerMove', duration: 100, origin: 'pointer', x: 120, y: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await app.cmd('DELETE', '/actions');
      await app.waitFor(async () => (await nameWidth()) === before + 120, 'a wider Uraian column');
      width = await nameWidth();
      await app.screenshot('20-uraian-wider');
    },
    WINDOW,
  );

  await machine.with(
    [plan],
    async (app) => {
      await app.clickButton('Rencana aksi');
      await app.see('Uraian');
      const now = await app.js(
        `return Math.round([...document.querySelectorAll('[role=columnheader]')].find((h) => h.textContent.trim().startsWith('Uraian')).getBoundingClientRect().width)`,
      );
      assert.equal(now, width, 'the width chosen for this plan');

      // The README's pictures (docs/*.png are copies of these): the example at 1366 × 700.
      await app.clickButton('Realisasi');
      await app.clickButton('Panel bukti dukung');
      await app.clickEl(await cellInView(app, 'selesai'));
      await app.clickButton('Batal');
      await app.see('Lihat');
      await app.screenshot('readme-rencana-aksi');
      await app.clickButton('Ringkasan');
      await app.see('Program area perubahan');
      await app.screenshot('readme-ringkasan');
      await app.clickButton('Laporan');
      const laporan = await app.one('//select[@name="laporan"]');
      await app.js(
        `const s = arguments[0]; s.value = 'bulanan'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        { 'element-6066-11e4-a52e-4f735466cecf': laporan },
      );
      await app.one(
        '//canvas[@aria-label="Halaman 1 dari 1" or starts-with(@aria-label, "Halaman 1 dari")]',
        'the preview',
      );
      await app.waitFor(
        async () => !(await app.pageText()).includes('Menyiapkan pratinjau'),
        'the preview drawn',
      );
      await app.screenshot('readme-laporan');
    },
    WINDOW,
  );
});
