// The window: its size is remembered between runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Machine, existsSync } from './driver.mjs';

let machine;
before(async () => {
  machine = await Machine.start('window');
});
after(async () => {
  await machine?.stop();
});

const pageSize = (app) => app.js('return [window.innerWidth, window.innerHeight].join("x")');

test('a window made smaller is that size again after a restart', async () => {
  const saved = join(machine.dirs.config, 'org.renjarb.RenjaRB', '.window-state.json');
  assert.ok(!existsSync(saved), 'nothing remembered before the first run');
  const app = await machine.launch([], { width: 1100, height: 640 });
  await app.see('Buat rencana baru');
  // Written once the window has stayed put for a moment, not only on a clean exit: a laptop's
  // battery or a killed process skip the exit.
  await app.waitFor(async () => existsSync(saved), 'the window state written as it settled');
  await app.closeWindow();
  await machine.with(
    [],
    async (again) => {
      await again.see('Buat rencana baru');
      assert.equal(await pageSize(again), '1100x640');
      await again.screenshot('01-restored-size');
    },
    null,
  );
});
