import { describe, expect, it } from 'vitest';
import { AppModel } from '../app/app.svelte';
import { FakeBackend } from '../testing/fake-backend';
import { BackendError } from '../backend/ipc';
import { LogoKop, type ImageUrls } from './logo.svelte';

function urls(): ImageUrls & { live: Set<string> } {
  let n = 0;
  const live = new Set<string>();
  return {
    live,
    create: (bytes) => {
      const url = `blob:${++n}:${bytes.byteLength}`;
      live.add(url);
      return url;
    },
    revoke: (url) => live.delete(url),
  };
}

describe('LogoKop', () => {
  it('shows the stored logo, or nothing when there is none', async () => {
    const backend = new FakeBackend();
    const u = urls();
    const empty = new LogoKop(new AppModel(backend), u);
    await empty.load();
    expect(empty.url).toBeNull();
    backend.logo = new Uint8Array([137, 80, 78, 71]).buffer;
    const logo = new LogoKop(new AppModel(backend), u);
    await logo.load();
    expect(logo.url).toBe('blob:1:4');
    logo.dispose();
    expect(u.live.size).toBe(0);
  });

  it('sets the chosen image as the logo and shows it', async () => {
    const backend = new FakeBackend();
    const logo = new LogoKop(new AppModel(backend), urls());
    backend.dialogAnswer = '/gambar/logo kukar.png';
    backend.logo = new Uint8Array([1, 2, 3]).buffer;
    await logo.choose();
    expect(backend.edits).toEqual([{ type: 'setLogo', file: '/gambar/logo kukar.png' }]);
    expect(logo.url).toBe('blob:1:3');
    expect(logo.busy).toBe(false);
  });

  it('keeps a refusal beside the logo, not at the top of the screen', async () => {
    const backend = new FakeBackend();
    const app = new AppModel(backend);
    const logo = new LogoKop(app, urls());
    backend.dialogAnswer = '/gambar/surat.pdf';
    backend.editError = new BackendError({
      kind: 'invalid',
      message: 'Logo harus berupa gambar PNG atau JPEG.',
      field: 'logo',
    });
    await logo.choose();
    expect(logo.error).toBe('Logo harus berupa gambar PNG atau JPEG.');
    expect(app.error).toBeNull();
    expect(logo.url).toBeNull();
  });

  it('does nothing when the dialog is cancelled, and removes the logo on request', async () => {
    const backend = new FakeBackend();
    const u = urls();
    backend.logo = new Uint8Array([1]).buffer;
    const logo = new LogoKop(new AppModel(backend), u);
    await logo.load();
    await logo.choose();
    expect(backend.edits).toEqual([]);
    backend.logo = new ArrayBuffer(0);
    await logo.remove();
    expect(backend.edits).toEqual([{ type: 'removeLogo' }]);
    expect(logo.url).toBeNull();
    expect(u.live.size).toBe(0);
  });
});
