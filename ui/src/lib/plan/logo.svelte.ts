// The letterhead logo in the identity form: shown from the plan's own bytes, replaced through
// a file dialog, removed. Refusals (not an image, too big) are shown beside it.
import type { AppModel } from '../app/app.svelte';
import { toBackendError } from '../backend/ipc';

/** Turns image bytes into a URL an <img> can show, and lets it go again. */
export interface ImageUrls {
  create(bytes: ArrayBuffer): string;
  revoke(url: string): void;
}

export const blobUrls: ImageUrls = {
  create: (bytes) => URL.createObjectURL(new Blob([bytes])),
  revoke: (url) => URL.revokeObjectURL(url),
};

export class LogoKop {
  /** The logo to show, or null when the plan has none. */
  url = $state<string | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  private readonly app: AppModel;
  private readonly urls: ImageUrls;

  constructor(app: AppModel, urls: ImageUrls = blobUrls) {
    this.app = app;
    this.urls = urls;
  }

  /** Show the logo stored in the plan. */
  async load(): Promise<void> {
    try {
      this.show(await this.app.backend.logoImage());
    } catch (e) {
      this.error = toBackendError(e).message;
    }
  }

  /** Let the user pick an image and make it the logo. */
  async choose(): Promise<void> {
    this.error = null;
    let file: string | null;
    try {
      file = await this.app.backend.chooseLogoFile();
    } catch (e) {
      this.error = toBackendError(e).message;
      return;
    }
    if (!file) return;
    await this.change(() => this.app.editInPlace({ type: 'setLogo', file }));
  }

  async remove(): Promise<void> {
    this.error = null;
    await this.change(() => this.app.editInPlace({ type: 'removeLogo' }));
  }

  /** Forget the shown image (the form is going away). */
  dispose(): void {
    this.show(new ArrayBuffer(0));
  }

  private async change(edit: () => Promise<string | null>): Promise<void> {
    this.busy = true;
    try {
      this.error = await edit();
      if (this.error === null) await this.load();
    } finally {
      this.busy = false;
    }
  }

  private show(bytes: ArrayBuffer): void {
    if (this.url) this.urls.revoke(this.url);
    this.url = bytes.byteLength > 0 ? this.urls.create(bytes) : null;
  }
}
