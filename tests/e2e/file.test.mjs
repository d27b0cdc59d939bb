// The plan file around one person's plan: a plan open here is refused to a second editor
// (who may read it), a plan held on another computer is offered read-only, and a plan that
// crashed mid-write opens with its last committed edit and says what happened.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, FIXTURES, Machine, cli } from './driver.mjs';

let machine;
before(async () => {
  machine = await Machine.start('file');
});
after(async () => {
  await machine?.stop();
});

test('a plan open in the app is refused to a second editor, who may still read it', async () => {
  const plan = join(machine.dirs.files, 'Renja RB Bersama.renjarb');
  cli('new', plan, '--tahun', '2025');
  await machine.with([plan], async (app) => {
    await app.see('Identitas rencana');
    assert.ok(existsSync(join(machine.dirs.files, '.~lock.Renja RB Bersama.renjarb#')));
    // Another process (the command line) may not replace it while it is open here...
    const replace = spawnSync(CLI, ['new', plan, '--force', '--empty', '--tahun', '2026'], {
      encoding: 'utf8',
    });
    assert.equal(replace.status, 1, replace.stdout);
    assert.match(replace.stderr, /sedang dibuka untuk diedit oleh .*aplikasi Renja RB/);
    // ... but may read it.
    assert.equal(JSON.parse(cli('info', '--json', plan)).tahapan, 106);
    await app.clickButton('Tutup');
    await app.see('Berkas terakhir');
  });
  // Closed, the plan stands alone again and the command line may replace it.
  assert.deepEqual(readdirSync(machine.dirs.files), ['Renja RB Bersama.renjarb']);
});

/** Hold the editing lock of `plan` the way another computer's Renja RB would, until killed. */
function holdLock(plan, name) {
  const lock = join(machine.dirs.files, `.~lock.${name}#`);
  const holder = JSON.stringify({
    user: 'rina',
    host: 'PC-SEKRETARIAT',
    program: 'renja-rb',
    pid: 4242,
    since: '2026-11-30T01:15:00Z',
    token: 'lain',
  });
  const script = [
    'import fcntl, sys, time',
    'f = open(sys.argv[1], "a+")',
    'fcntl.flock(f, fcntl.LOCK_EX)',
    'f.truncate(0); f.write(sys.argv[2]); f.flush()',
    'print("held", flush=True)',
    'time.sleep(600)',
  ].join('\n');
  const child = spawn('python3', ['-c', script, lock, holder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

test('a plan being edited on another computer is offered read-only', async () => {
  const name = 'Renja RB Pokja.renjarb';
  const plan = join(machine.dirs.files, name);
  cli('new', plan, '--tahun', '2025');
  const holder = await holdLock(plan, name);
  try {
    await machine.with([plan], async (app) => {
      await app.see('sedang dibuka untuk diedit oleh rina di komputer PC-SEKRETARIAT');
      await app.see('Buka hanya-baca');
      await app.screenshot('file-01-plan-locked-elsewhere');
      await app.clickButton('Buka hanya-baca');
      await app.see('Hanya-baca.');
      await app.see('Identitas rencana');
      await app.screenshot('file-02-locked-plan-read-only');
    });
  } finally {
    holder.kill();
  }
});

test('a plan that crashed mid-write opens with its last committed edit and says so', async () => {
  const dir = machine.dirs.files;
  const plan = join(dir, 'Renja RB Padam.renjarb');
  copyFileSync(join(FIXTURES, 'hostile', 'journal', 'hot-journal.renjarb'), plan);
  copyFileSync(
    join(FIXTURES, 'hostile', 'journal', 'hot-journal.renjarb-journal'),
    `${plan}-journal`,
  );
  await machine.with([plan], async (app) => {
    await app.see('tertutup tidak wajar');
    await app.see('Renja RB Padam (sebelum pemulihan).renjarb');
    await app.screenshot('file-03-recovered-after-crash');
    await app.clickButton('Rencana aksi');
    await app.see('Menyusun susunan Tim RB (perubahan terakhir yang tersimpan)');
  });
  const left = readdirSync(dir).filter((n) => n.startsWith('Renja RB Padam'));
  // The crashed file is of schema 4: once recovered it is also upgraded, after its backup.
  assert.deepEqual(left.sort(), [
    'Renja RB Padam (cadangan format 4).renjarb',
    'Renja RB Padam (sebelum pemulihan).renjarb',
    'Renja RB Padam (sebelum pemulihan).renjarb-journal',
    'Renja RB Padam.renjarb',
  ]);
  assert.match(cli('check', plan), /^Berkas baik/);
});
