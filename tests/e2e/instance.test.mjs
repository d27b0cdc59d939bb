// One Renja RB per user: double-clicking a plan while the app is open (a second start with
// the file) opens it in the running window, and the second start ends without a window of
// its own. The machine gets its own D-Bus session bus, as a desktop session has, through
// which the second start finds the first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP, Machine, TARGET, cli, windowTitles } from './driver.mjs';

let bus;
let machine;
before(async () => {
  mkdirSync(join(TARGET, 'e2e'), { recursive: true });
  const socket = join(TARGET, 'e2e', 'instance-bus');
  rmSync(socket, { force: true });
  bus = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--nopidfile', `--address=unix:path=${socket}`],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 50 && !existsSync(socket); i++) await sleep(100);
  assert.ok(existsSync(socket), 'dbus-daemon did not start (package dbus-daemon)');
  machine = await Machine.start('instance', { bus: `unix:path=${socket}` });
});
after(async () => {
  await machine?.stop();
  bus?.kill('SIGTERM');
});

/** Start the app a second time, as the desktop does for a double-clicked file, in `cwd`;
 * resolves with its exit code, or null when it is still running after 15 s. */
function startAgain(args, cwd) {
  const second = spawn(APP, args, { cwd, env: machine.env, stdio: 'ignore' });
  return new Promise((done) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      done(null);
    }, 15_000);
    second.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

test('a plan opened while the app runs goes to the running window', async () => {
  const first = join(machine.dirs.files, 'Rencana Sekretariat.renjarb');
  const second = join(machine.dirs.files, 'Rencana Pokja Akuntabilitas.renjarb');
  cli('new', first, '--tahun', '2025');
  cli('new', second, '--tahun', '2026');
  await machine.with([first], async (app) => {
    await app.see('Identitas rencana');
    const renjaWindows = () => windowTitles().filter((t) => t.endsWith('— Renja RB'));
    assert.deepEqual(renjaWindows(), ['Rencana Sekretariat.renjarb — Renja RB']);

    // Double-click on the second plan: a relative name, resolved where the click was made.
    assert.equal(await startAgain(['Rencana Pokja Akuntabilitas.renjarb'], machine.dirs.files), 0);
    await app.waitFor(
      async () => renjaWindows().includes('Rencana Pokja Akuntabilitas.renjarb — Renja RB'),
      'the running window to show the second plan',
    );
    assert.equal(await app.value('Tahun rencana'), '2026');
    assert.deepEqual(renjaWindows(), ['Rencana Pokja Akuntabilitas.renjarb — Renja RB']);
    await app.screenshot('01-second-plan-in-the-running-window');

    // The app started again without a file only comes to the front; the plan stays open.
    assert.equal(await startAgain([], machine.dirs.home), 0);
    await sleep(500);
    assert.deepEqual(renjaWindows(), ['Rencana Pokja Akuntabilitas.renjarb — Renja RB']);
    await app.see('Identitas rencana');
  });
});
