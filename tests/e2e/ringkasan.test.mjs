// The Ringkasan dashboard: open a generated plan with a half year of realisasi, see the
// dashboard of the year's last month, change the month, follow a "terlambat" item to its row
// in the grid, and save the Ringkasan Capaian PDF from the Laporan tab.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Machine, answerFileDialog, cli } from './driver.mjs';

// Last year: every month has passed, so the dashboard opens on December.
const YEAR = new Date().getFullYear() - 1;

let machine;
before(async () => {
  machine = await Machine.start('ringkasan');
});
after(async () => {
  await machine?.stop();
});

/** Pick `option` in the select labelled `label`. */
async function choose(app, label, option) {
  await app.clickEl(
    await app.one(
      `//label[span[normalize-space(.)="${label}"]]//select/option[normalize-space(.)="${option}"]`,
      `option "${option}" of "${label}"`,
    ),
  );
}

/** The text of the dashboard's one-line summary. */
async function summary(app) {
  return app.text(
    await app.one('//section[@aria-labelledby="ringkasan-title"]//p[@role="status"]'),
  );
}

/** "Tahapan terlambat (N)" of the printed Ringkasan Capaian of month `bulan`, via the CLI. */
function printedTerlambat(plan, bulan) {
  const pdf = join(machine.dirs.files, `ringkasan-${bulan}.pdf`);
  cli('report', 'ringkasan', plan, '-o', pdf, '--bulan', String(bulan));
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const m = /Tahapan terlambat \((\d+)\)/.exec(text);
  assert.ok(m, text.slice(0, 2000));
  return Number(m[1]);
}

test('shows the year, changes the month, opens a late tahapan in the grid, prints the page', async () => {
  const plan = join(machine.dirs.files, 'sintetis.renjarb');
  cli('generate', plan, '--tahapan', '300', '--tahun', String(YEAR), '--realisasi', '6');
  const dest = join(machine.dirs.files, 'ringkasan juni.pdf');

  await machine.with([plan], async (app) => {
    await app.see('Ringkasan capaian');
    await app.see(`s.d. Desember ${YEAR}`);
    assert.equal(await app.value('Bulan'), '12');
    // Eight programs and the whole plan, each bar with its words for screen readers.
    const bars = await app.findAll('svg.bar[role="img"]');
    assert.equal(bars.length, 9);
    assert.match(await app.attr(bars[8], 'aria-label'), /^Seluruh rencana: s\.d\. Desember/);
    await app.screenshot('ringkasan-01-desember');

    await choose(app, 'Bulan', 'Juni');
    await app.waitFor(async () => (await summary(app)).includes(`s.d. Juni ${YEAR}`), 'June');
    // The same count of late tahapan as the printed page of June.
    const late = printedTerlambat(plan, 6);
    assert.ok(late > 0, 'the generated plan has late work');
    assert.ok((await summary(app)).includes(`Terlambat ${late} tahapan`), await summary(app));
    const tab = await app.one(
      '//button[@role="tab"][starts-with(normalize-space(.), "Terlambat")]',
    );
    assert.equal(await app.text(tab), `Terlambat ${late}`);
    await app.screenshot('ringkasan-02-juni');
    // The month chart and the table per penanggung jawab, below the fold of a laptop.
    await app.js(`document.querySelector('#bulan-title').scrollIntoView({ block: 'start' });`);
    await app.screenshot('ringkasan-02b-juni-bawah');

    // Follow the third late item: the grid opens with its row selected and in view.
    const items = await app.findAll('[role="tabpanel"] button.item');
    assert.ok(items.length >= 3);
    const nama = await app.text(
      await app.one(
        '(//div[@role="tabpanel"]//button[contains(@class,"item")])[3]/span[@class="nama" or contains(@class,"nama")]',
      ),
    );
    await app.clickEl(items[2]);
    await app.see('Uraian');
    const row = await app.waitFor(
      () =>
        app.js(
          `const r = document.querySelector('.body .row.tahapan.selected');
           if (!r) return null;
           const s = document.querySelector('[role=grid]').getBoundingClientRect();
           const b = r.getBoundingClientRect();
           return {
             nama: r.querySelector('.name .label')?.textContent,
             inView: b.top >= s.top && b.bottom <= s.bottom,
             states: [...r.querySelectorAll('[data-month]')].map((c) => c.dataset.state),
           };`,
        ),
      'the selected row',
    );
    assert.equal(row.nama, nama);
    assert.ok(row.inView, 'the row is scrolled into view');
    // Late or not carried out in a month up to June: the state the item was listed for.
    assert.ok(
      row.states.slice(0, 6).some((s) => s === 'terlambat' || s === 'tidakTerlaksana'),
      JSON.stringify(row.states),
    );
    await app.screenshot('ringkasan-03-grid');

    await app.clickButton('Laporan');
    await choose(app, 'Laporan', 'Ringkasan Capaian');
    await choose(app, 'Bulan', 'Juni');
    // PDF only: no Excel to choose.
    assert.equal((await app.findAllX('//input[@name="format"]')).length, 0);
    await app.see(`Ringkasan Capaian Juni ${YEAR} - Dinas Contoh Sintetis.pdf`);
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
    await app.screenshot('ringkasan-04-laporan');
    await app.clickButton('Simpan PDF…');
    await answerFileDialog('Simpan laporan', dest, { replace: true });
    await app.one(
      '//*[@role="status"][.//p[starts-with(normalize-space(.), "Laporan disimpan: ringkasan juni.pdf")]]',
      'the saved message',
    );
  });

  assert.equal(readFileSync(dest).subarray(0, 4).toString(), '%PDF');
  const text = execFileSync('pdftotext', [dest, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /RINGKASAN CAPAIAN/);
  assert.ok(text.includes(`KEADAAN S.D. JUNI ${YEAR}`), text.slice(0, 1500));
});
