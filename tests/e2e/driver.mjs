// A small WebDriver client for end-to-end tests of the real Renja RB window, over
// tauri-driver (which starts WebKitWebDriver and the app). Tests speak in the user's actions:
// click a button by its text, type into a field by its label, read what is on screen.
//
// Each `Machine` is one user's computer: its own config, data and documents folders, and its
// own tauri-driver. Launching the app twice on one Machine is a restart (same recent list).

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TARGET = join(ROOT, 'target');
export const APP = process.env.RENJA_APP ?? join(TARGET, 'debug', 'renja-rb');
export const CLI = process.env.RENJA_CLI ?? join(TARGET, 'debug', 'renja');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SHOTS = join(TARGET, 'e2e', 'screenshots');
const TAURI_DRIVER = process.env.TAURI_DRIVER ?? join(TARGET, 'tools', 'bin', 'tauri-driver');
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const TIMEOUT = 15_000;
/** The window of a 1366 × 768 office laptop: what is left after the taskbar and title bar. */
export const WINDOW = { width: 1366, height: 700 };
/** The other common small laptop window. */
export const SMALL_WINDOW = { width: 1280, height: 720 };

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Quote text for an XPath string literal. */
function xq(text) {
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text
    .split('"')
    .map((p) => `"${p}"`)
    .join(", '\"', ")})`;
}

export class Machine {
  /** A fresh computer named `name`. `bus`: the address of its D-Bus session bus, through
   * which a second start of the app finds the first (single instance); without one the
   * machine has no bus, so tests never reach the desktop's own bus and its running apps. */
  static async start(name, { bus } = {}) {
    const home = join(TARGET, 'e2e', name);
    rmSync(home, { recursive: true, force: true });
    const dirs = {
      home,
      config: join(home, 'config'),
      data: join(home, 'data'),
      cache: join(home, 'cache'),
      docs: join(home, 'Dokumen'),
      files: join(home, 'berkas'),
    };
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    // Where the desktop says "Documents" is: the app proposes new plans there.
    writeFileSync(join(dirs.config, 'user-dirs.dirs'), `XDG_DOCUMENTS_DIR="${dirs.docs}"\n`);
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    const nativePort = await freePort();
    const env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      LANG: process.env.LANG ?? 'C.UTF-8',
      DBUS_SESSION_BUS_ADDRESS: bus ?? `unix:path=${join(home, 'tanpa-bus')}`,
    };
    const driver = spawn(
      TAURI_DRIVER,
      ['--port', String(port), '--native-port', String(nativePort)],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    driver.stdout.on('data', (d) => (log += d));
    driver.stderr.on('data', (d) => (log += d));
    const machine = new Machine(name, dirs, `http://127.0.0.1:${port}`, driver, () => log, env);
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      try {
        const r = await fetch(`${machine.base}/status`);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || driver.exitCode !== null) {
        throw new Error(`tauri-driver did not start:\n${log}`);
      }
      await sleep(100);
    }
    return machine;
  }

  constructor(name, dirs, base, driver, log, env) {
    this.name = name;
    /** The environment the app runs in on this machine. */
    this.env = env;
    this.dirs = dirs;
    this.base = base;
    this.driver = driver;
    this.log = log;
  }

  /** Start Renja RB with `args` (e.g. a plan path, as a double-click would), its window
   * `size` (default: a 1366 × 768 laptop's screen less the taskbar and title bar; `null`
   * leaves the window as the app made it). */
  async launch(args = [], size = WINDOW) {
    const r = await this.fetch(`${this.base}/session`, 'POST', {
      capabilities: {
        alwaysMatch: { 'tauri:options': { application: APP, args } },
      },
    });
    const body = await r.json();
    if (!r.ok) throw new Error(`could not start the app: ${JSON.stringify(body)}\n${this.log()}`);
    const app = new App(this, body.value.sessionId);
    if (size) await app.resize(size);
    await app.waitFor(async () => (await app.findAll('main')).length > 0, 'the app window');
    return app;
  }

  /** One WebDriver request. When the connection itself fails, say which request, why (Node's
   * "fetch failed" alone names neither), and what tauri-driver printed last. */
  async fetch(url, method, body) {
    try {
      return await fetch(url, {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      const why = e.cause?.code ?? e.cause?.message ?? e.message;
      throw new Error(
        `${method} ${url.slice(this.base.length)}: ${why}\ntauri-driver:\n${this.log().slice(-2000)}`,
        { cause: e },
      );
    }
  }

  /** Launch the app, run `fn` with it, and always close it again. */
  async with(args, fn, size = WINDOW) {
    const app = await this.launch(args, size);
    try {
      return await fn(app);
    } catch (e) {
      await app.screenshot('failure').catch(() => {});
      throw e;
    } finally {
      await app.quit().catch(() => {});
    }
  }

  async stop() {
    this.driver.kill('SIGTERM');
    await sleep(200);
  }
}

export class App {
  constructor(machine, id) {
    this.machine = machine;
    this.url = `${machine.base}/session/${id}`;
  }

  async cmd(method, path, body) {
    const r = await this.machine.fetch(`${this.url}${path}`, method, body);
    const json = await r.json().catch(() => ({}));
    if (!r.ok) {
      const err = new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
      err.webdriver = json.value?.error;
      throw err;
    }
    return json.value;
  }

  /** Set the window to `width` × `height` and wait until the page has that size (the window
   * has no frame under Xvfb: the page gets all of it). */
  async resize({ width, height }) {
    await this.cmd('POST', '/window/rect', { width, height });
    await this.waitFor(
      async () =>
        (await this.js('return [window.innerWidth, window.innerHeight].join("x")')) ===
        `${width}x${height}`,
      `a window of ${width} × ${height}`,
    );
  }

  /** Poll `check` until it returns something truthy; fail with `what` after the timeout. */
  async waitFor(check, what, timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        await this.screenshot(`timeout-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(
          () => {},
        );
        throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
      }
      await sleep(100);
    }
  }

  async findAll(css) {
    const els = await this.cmd('POST', '/elements', {
      using: 'css selector',
      value: css,
    });
    return els.map((e) => e[ELEMENT]);
  }

  async findAllX(xpath) {
    const els = await this.cmd('POST', '/elements', {
      using: 'xpath',
      value: xpath,
    });
    return els.map((e) => e[ELEMENT]);
  }

  /** The one element matching `xpath`, waiting for it to appear. */
  async one(xpath, what = xpath) {
    return this.waitFor(async () => (await this.findAllX(xpath))[0], what);
  }

  /** Scroll `el` to the middle of its scroll containers, as a person scrolls to what they
   * mean to use. WebKitWebDriver does not scroll an element that is already partly in sight,
   * and refuses it as "not interactable" when its centre is the part hidden (a field at the
   * foot of a scrolled panel). Options stay inside their list. */
  async reveal(el) {
    await this.js(
      `const e = arguments[0]; if (e.tagName !== 'OPTION') e.scrollIntoView({ block: 'center', inline: 'nearest' });`,
      { [ELEMENT]: el },
    );
  }

  async clickEl(el) {
    await this.reveal(el);
    await this.cmd('POST', `/element/${el}/click`, {});
  }

  /** Click the enabled button whose text (or aria-label) is `name`. */
  async clickButton(name) {
    const el = await this.one(
      `//button[(normalize-space(.)=${xq(name)} or @aria-label=${xq(name)}) and not(@disabled)]`,
      `button "${name}"`,
    );
    await this.clickEl(el);
  }

  /** The input or select labelled `label` (its visible label text or its aria-label). */
  async field(label) {
    return this.one(
      `(//label[.//*[normalize-space(.)=${xq(label)}]]//*[self::input or self::select or self::textarea] | ` +
        `//*[self::input or self::select or self::textarea][@aria-label=${xq(label)}])[1]`,
      `field "${label}"`,
    );
  }

  /** Replace the text of the field labelled `label` and leave it (Tab), as a user would. */
  async fill(label, text) {
    const el = await this.field(label);
    await this.reveal(el);
    await this.cmd('POST', `/element/${el}/clear`, {});
    await this.cmd('POST', `/element/${el}/value`, { text: `${text}\uE004` });
  }

  async value(label) {
    const el = await this.field(label);
    return this.cmd('GET', `/element/${el}/property/value`);
  }

  /** The texts of the cells of each row matching `rowsXpath`, whitespace collapsed. */
  async table(rowsXpath) {
    const rows = await this.findAllX(rowsXpath);
    const out = [];
    for (let i = 1; i <= rows.length; i++) {
      const cells = await this.findAllX(`(${rowsXpath})[${i}]/*[self::td or self::th]`);
      const texts = [];
      for (const c of cells) texts.push((await this.text(c)).replace(/\s+/g, ' ').trim());
      out.push(texts);
    }
    return out;
  }

  async text(el) {
    return this.cmd('GET', `/element/${el}/text`);
  }

  async attr(el, name) {
    return this.cmd('GET', `/element/${el}/attribute/${name}`);
  }

  /** Run `script` (a function body) in the page with `args`, return its value. */
  async js(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Press keys on the focused element; `keys` may hold WebDriver key codes (KEY.*). */
  async press(...keys) {
    const actions = [];
    for (const k of keys) {
      if (Array.isArray(k)) {
        // A chord: hold modifiers, press the last key, release all.
        for (const m of k) actions.push({ type: 'keyDown', value: m });
        for (const m of [...k].reverse()) actions.push({ type: 'keyUp', value: m });
      } else {
        actions.push({ type: 'keyDown', value: k }, { type: 'keyUp', value: k });
      }
    }
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
    await this.cmd('DELETE', '/actions');
  }

  /** Type `text` into whatever has the focus, key by key (a selection is replaced). */
  async type(text) {
    await this.press(...[...text]);
  }

  /** Press the mouse on `from`, move over `to`, release: a drag as a person makes it. */
  async drag(from, to) {
    const origin = (el) => ({ [ELEMENT]: el });
    await this.cmd('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: origin(from), x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerMove', duration: 150, origin: origin(to), x: 0, y: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.cmd('DELETE', '/actions');
  }

  /** The visible text of the whole page, as rendered (innerText). */
  async pageText() {
    return this.cmd('POST', '/execute/sync', {
      script: 'return document.body.innerText',
      args: [],
    });
  }

  /** Wait until the page shows `text` somewhere (in any letter case: headings are shown in
   * capitals by the style sheet). */
  async see(text) {
    const want = text.toLowerCase();
    return this.waitFor(
      async () => (await this.pageText()).toLowerCase().includes(want),
      `text "${text}"`,
    );
  }

  async alertText() {
    const el = await this.one(
      '(//*[@role="alert"]//p | //*[@role="alert"][not(.//p)])[1]',
      'an error message',
    );
    return this.text(el);
  }

  /** Save a PNG of the window under target/e2e/screenshots/. */
  async screenshot(name) {
    // WebKit's screenshot can show the last painted frame, from before the DOM change the test
    // just saw: wait for two animation frames so the picture shows what was asserted.
    await this.cmd('POST', '/execute/async', {
      script:
        'const done = arguments[arguments.length - 1];' +
        'requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
      args: [],
    });
    const b64 = await this.cmd('GET', '/screenshot');
    const file = join(SHOTS, `${this.machine.name}-${name}.png`);
    writeFileSync(file, Buffer.from(b64, 'base64'));
    return file;
  }

  /** Close the window (the app exits). */
  async quit() {
    await this.cmd('DELETE', '');
    await sleep(300);
  }

  /** Close the window as a user does (the title bar's ×): the app exits on its own, saving
   * what it keeps on exit. The WebDriver session is gone afterwards. */
  async closeWindow() {
    await this.cmd('DELETE', '/window').catch(() => {});
    await sleep(300);
    await this.quit().catch(() => {});
  }
}

/** The titles of the top-level X windows on this display (the window manager's view). */
export function windowTitles() {
  try {
    const out = execFileSync('xdotool', ['search', '--name', '.'], {
      encoding: 'utf8',
    });
    return out
      .split('\n')
      .filter(Boolean)
      .map((id) => {
        try {
          return execFileSync('xdotool', ['getwindowname', id], {
            encoding: 'utf8',
          }).trim();
        } catch {
          return '';
        }
      });
  } catch {
    return [];
  }
}

/** WebDriver key codes. */
export const KEY = {
  ENTER: '\uE007',
  ESCAPE: '\uE00C',
  SPACE: '\uE00D',
  TAB: '\uE004',
  UP: '\uE013',
  DOWN: '\uE015',
  LEFT: '\uE012',
  RIGHT: '\uE014',
  DELETE: '\uE017',
  CONTROL: '\uE009',
  SHIFT: '\uE008',
  ALT: '\uE00A',
};

/** Answer the native (GTK) file dialog titled `title` by typing `path` into it, as a person
 * would: the dialog is a real window on the X display, driven with xdotool. A save dialog
 * proposes a name, which `replace` selects first so the typed path takes its place. */
export async function answerFileDialog(title, path, { replace = false } = {}) {
  const deadline = Date.now() + 15_000;
  let id = '';
  while (!id) {
    try {
      id = execFileSync('xdotool', ['search', '--onlyvisible', '--name', title], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')[0];
    } catch {
      if (Date.now() > deadline) throw new Error(`no file dialog "${title}"`);
      await sleep(200);
    }
  }
  // Let GTK finish showing and populating the dialog before typing into it.
  await sleep(1200);
  execFileSync('xdotool', ['windowfocus', '--sync', id]);
  // A save dialog's name field has the focus: select the proposed name to type over it. An
  // open dialog gets its location bar first (Ctrl+L), so no typed character is lost opening it.
  execFileSync('xdotool', ['key', replace ? 'ctrl+a' : 'ctrl+l']);
  await sleep(300);
  execFileSync('xdotool', ['type', '--delay', '15', path]);
  // GTK completes the typed path in the location bar; let it settle before confirming.
  await sleep(1000);
  if (process.env.RENJA_E2E_DEBUG) screenshotDisplay(`dialog-${title.replace(/\W+/g, '-')}`);
  execFileSync('xdotool', ['key', 'Return']);
  const gone = Date.now() + 5000;
  while (Date.now() < gone) {
    try {
      execFileSync('xdotool', ['search', '--onlyvisible', '--name', title]);
    } catch {
      return;
    }
    await sleep(200);
  }
  screenshotDisplay(`dialog-stuck-${title.replace(/\W+/g, '-')}`);
  throw new Error(`the file dialog "${title}" did not close`);
}

/** A picture of the whole X display (native dialogs included), under the screenshots. */
export function screenshotDisplay(name) {
  const file = join(SHOTS, `${name}.png`);
  execFileSync('/usr/bin/import', ['-window', 'root', file]);
  return file;
}

/** A valid one-page PDF showing `text`, with a correct cross-reference table. */
export function onePagePdf(text) {
  const stream = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

export function cli(...args) {
  return execFileSync(CLI, args, { encoding: 'utf8' });
}

export { existsSync };
