import { describe, expect, it } from 'vitest';
import { AppModel, pickDropped } from './app.svelte';
import { badFile, FakeBackend, overview } from '../testing/fake-backend';

describe('AppModel', () => {
  it('opens the plan given on the command line at start', async () => {
    const backend = new FakeBackend();
    backend.startup = '/a/rencana.renjarb';
    backend.files.set('/a/rencana.renjarb', overview('/a/rencana.renjarb'));
    const app = new AppModel(backend);
    await app.init();
    expect(app.overview?.path).toBe('/a/rencana.renjarb');
    expect(backend.calls).toContain('openPlan /a/rencana.renjarb false');
  });

  it('opens a plan handed over by a second start, in place of the open one', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/lama.renjarb', overview('/a/lama.renjarb'));
    backend.files.set('/b/kiriman rekan.renjarb', overview('/b/kiriman rekan.renjarb'));
    const app = new AppModel(backend);
    await app.init();
    expect(await app.open('/a/lama.renjarb', false)).toBe(true);
    // A request with nothing waiting (the plan was already taken) changes nothing.
    await app.openStartupPath();
    expect(app.overview?.path).toBe('/a/lama.renjarb');
    backend.startup = '/b/kiriman rekan.renjarb';
    await app.openStartupPath();
    expect(app.overview?.path).toBe('/b/kiriman rekan.renjarb');
    expect(backend.calls).toContain('openPlan /b/kiriman rekan.renjarb false');
  });

  it('opens the example plan from the start screen', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    expect(await app.openContoh()).toBe(true);
    expect(app.overview?.identity.instansi).toBe('Dinas Perkebunan (CONTOH)');
    expect(backend.calls).toContain('openContoh');
  });

  it('keeps the open plan and shows the message when a file is refused', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/baik.renjarb', overview('/a/baik.renjarb'));
    backend.files.set('/a/rusak.renjarb', badFile('Berkas "rusak.renjarb" rusak.'));
    const app = new AppModel(backend);
    expect(await app.open('/a/baik.renjarb', false)).toBe(true);
    expect(await app.open('/a/rusak.renjarb', false)).toBe(false);
    expect(app.overview?.path).toBe('/a/baik.renjarb');
    expect(app.error).toBe('Berkas "rusak.renjarb" rusak.');
    expect(app.busy).toBe(false);
  });

  it('offers to open read-only a plan that is being edited elsewhere', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/bersama.renjarb', overview('/a/bersama.renjarb'));
    backend.locked.add('/a/bersama.renjarb');
    const app = new AppModel(backend);
    expect(await app.open('/a/bersama.renjarb', false)).toBe(false);
    expect(app.error).toContain('sedang dibuka untuk diedit');
    expect(app.lockedPath).toBe('/a/bersama.renjarb');
    expect(await app.openLockedReadOnly()).toBe(true);
    expect(app.overview?.read_only).toBe('chosen');
    expect(app.lockedPath).toBeNull();
    expect(backend.calls).toContain('openPlan /a/bersama.renjarb true');
  });

  it('offers nothing for a refusal of another kind', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/rusak.renjarb', badFile('rusak'));
    const app = new AppModel(backend);
    await app.open('/a/rusak.renjarb', false);
    expect(app.lockedPath).toBeNull();
    expect(await app.openLockedReadOnly()).toBe(false);
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    await app.openWithDialog(true);
    expect(backend.calls).toEqual(['choosePlanFile']);
    expect(app.error).toBeNull();
  });

  it('opens read-only when asked', async () => {
    const backend = new FakeBackend();
    backend.dialogAnswer = '/b/kolega.renjarb';
    backend.files.set('/b/kolega.renjarb', overview('/b/kolega.renjarb'));
    const app = new AppModel(backend);
    await app.openWithDialog(true);
    expect(app.overview?.read_only).toBe('chosen');
  });

  it('confirms a saved copy and returns to the start screen on close', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/r.renjarb', overview('/a/r.renjarb'));
    const app = new AppModel(backend);
    await app.open('/a/r.renjarb', false);
    backend.dialogAnswer = '/a/salinan.renjarb';
    await app.saveCopy();
    expect(app.notice).toBe('Salinan disimpan di /a/salinan.renjarb');
    await app.close();
    expect(app.overview).toBeNull();
    expect(backend.calls).toContain('closePlan');
  });

  it('forgets a recent file', async () => {
    const backend = new FakeBackend();
    backend.recent = [
      { path: '/a/x.renjarb', instansi: 'X', tahun: 2025, opened_at: '', missing: true },
    ];
    const app = new AppModel(backend);
    await app.refreshRecent();
    await app.forget('/a/x.renjarb');
    expect(app.recent).toEqual([]);
  });
});

describe('pending saves', () => {
  it('closing waits for a save that is still on its way', async () => {
    const backend = new FakeBackend();
    backend.files.set('/a/r.renjarb', overview('/a/r.renjarb'));
    const app = new AppModel(backend);
    await app.open('/a/r.renjarb', false);
    let finish: () => void = () => {};
    const slow = new Promise<void>((ok) => (finish = ok)).then(() => {
      backend.calls.push('slow save done');
    });
    app.track(slow);
    const closing = app.close();
    await Promise.resolve();
    expect(backend.calls).not.toContain('closePlan');
    finish();
    await closing;
    const order = backend.calls.filter((c) => c === 'slow save done' || c === 'closePlan');
    expect(order).toEqual(['slow save done', 'closePlan']);
  });
});

describe('edits', () => {
  it('reach the backend one after another, in order', async () => {
    const backend = new FakeBackend();
    const order: string[] = [];
    const slow = backend.editPlan.bind(backend);
    backend.editPlan = async (e) => {
      order.push(`start ${e.type}`);
      await new Promise((ok) => setTimeout(ok, e.type === 'toggleBulan' ? 20 : 0));
      order.push(`end ${e.type}`);
      return slow(e);
    };
    const app = new AppModel(backend);
    await Promise.all([
      app.edit({ type: 'toggleBulan', id: 1, bulan: 2 }),
      app.edit({ type: 'undo' }),
    ]);
    expect(order).toEqual(['start toggleBulan', 'end toggleBulan', 'start undo', 'end undo']);
    expect(app.revision).toBe(1);
  });
});

describe('pickDropped', () => {
  it('prefers a plan file among dropped files', () => {
    expect(pickDropped(['/a/foto.png', '/a/r.RENJARB'])).toBe('/a/r.RENJARB');
    expect(pickDropped(['/a/foto.png'])).toBe('/a/foto.png');
    expect(pickDropped([])).toBeNull();
  });
});
