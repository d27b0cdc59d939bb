// Benchmark of the month grid in the real window (not part of the test run):
//   node tests/bench/grid.mjs [tahapan=1000] [--wrap]   (under xvfb-run; needs a built app)
// --wrap measures with "Teks lengkap" on (every text cell wrapped, rows of varying height).
// Prints the first render of the grid (User Timing measure 'renja:grid-render': from the
// grid component's creation to the first painted frame, data already in the UI), the
// re-render when switching programs, and frame times while scrolling the whole grid.
import { join } from "node:path";
import { Machine, cli } from "../e2e/driver.mjs";

const args = process.argv.slice(2);
const wrap = args.includes("--wrap");
const tahapan = Number(args.find((a) => !a.startsWith("--")) ?? 1000);
const machine = await Machine.start("bench");
const plan = join(machine.dirs.files, `bench-${tahapan}.renjarb`);
cli(
  "generate",
  plan,
  "--tahapan",
  String(tahapan),
  "--tahun",
  "2026",
  "--force",
);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
const fmt = (o) =>
  Object.entries(o)
    .map(
      ([k, v]) =>
        `${k} ${typeof v === "number" && !Number.isInteger(v) ? v.toFixed(1) : v}`,
    )
    .join(", ");

await machine.with([plan], async (app) => {
  await app.see("Identitas rencana");
  if (wrap) {
    // Remembered per plan: every grid made below starts with it on.
    await app.clickButton("Rencana aksi");
    await app.clickEl(
      await app.one('//label[normalize-space(.)="Teks lengkap"]/input'),
    );
    await app.clickButton("Ringkasan");
  }
  const renders = [];
  for (let i = 0; i < 7; i++) {
    await app.clickButton("Rencana aksi");
    await app.waitFor(
      async () =>
        (await app.js(
          `return performance.getEntriesByName('renja:grid-render').length`,
        )) > i,
      "the grid measure",
    );
    renders.push(
      await app.js(
        `const e = performance.getEntriesByName('renja:grid-render'); return e[e.length - 1].duration`,
      ),
    );
    await app.clickButton("Ringkasan");
  }
  await app.clickButton("Rencana aksi");
  const rows = await app.js(
    `return document.querySelector('[role=grid]').getAttribute('aria-rowcount') - 1`,
  );

  const switches = await app.js(`
    const buttons = [...document.querySelectorAll('nav[aria-label=Program] button.program')];
    const times = [];
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    return (async () => {
      for (let i = 0; i < 18; i++) {
        const t0 = performance.now();
        buttons[i % buttons.length].click();
        await frame();
        await frame();
        times.push(performance.now() - t0);
      }
      return times;
    })();`);

  const frames = await app.js(`
    const s = document.querySelector('[role=grid]');
    const frame = () => new Promise((ok) => requestAnimationFrame((t) => ok(t)));
    return (async () => {
      s.scrollTop = 0;
      await frame();
      const deltas = [];
      let last = await frame();
      while (s.scrollTop + s.clientHeight < s.scrollHeight - 1) {
        s.scrollTop += 240;
        const t = await frame();
        deltas.push(t - last);
        last = t;
      }
      return deltas;
    })();`);

  console.log(
    `Plan: ${tahapan} tahapan, ${rows} grid rows, Teks lengkap ${wrap ? "on" : "off"} (debug build of the app, Xvfb, software GL)`,
  );
  console.log(`First render of the grid (ms): ${fmt(stats(renders))}`);
  console.log(`Switch program + 2 frames (ms): ${fmt(stats(switches))}`);
  console.log(
    `Scrolling the whole grid, 240 px a frame (frame ms): ${fmt(stats(frames))}`,
  );
});
await machine.stop();
