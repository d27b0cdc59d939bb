// Benchmark of the Ringkasan dashboard in the real window (not part of the test run):
//   node tests/bench/ringkasan.mjs [tahapan=1000]   (under xvfb-run; needs a built app)
// Generates a plan with a year of realisasi, then changes the dashboard's month again and
// again and prints the User Timing measure 'renja:ringkasan-render': from the moment the
// core's answer arrived in the UI to the first frame drawn with it (the data is in the UI;
// the core's own time is `cargo bench --bench ringkasan`).
import { join } from "node:path";
import { Machine, cli } from "../e2e/driver.mjs";

const tahapan = Number(process.argv[2] ?? 1000);
const machine = await Machine.start("bench-ringkasan");
const plan = join(machine.dirs.files, `ringkasan-${tahapan}.renjarb`);
cli(
  "generate",
  plan,
  "--tahapan",
  String(tahapan),
  "--tahun",
  "2025",
  "--realisasi",
  "12",
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
  await app.see("Ringkasan capaian");
  const count = () =>
    app.js(
      `return performance.getEntriesByName('renja:ringkasan-render').length`,
    );
  await app.waitFor(async () => (await count()) > 0, "the first measure");
  // The plan opens with the grid's data loading beside the dashboard (and the dashboard
  // loads again when it arrives): let that settle before changing months.
  let seen = -1;
  while (seen !== (await count())) {
    seen = await count();
    await new Promise((ok) => setTimeout(ok, 1500));
  }
  const first = await app.js(
    `return performance.getEntriesByName('renja:ringkasan-render').map((e) => e.duration.toFixed(1)).join(' ')`,
  );
  const select = await app.one('//select[@name="bulan-ringkasan"]');
  const renders = [];
  for (let i = 0; i < 12; i++) {
    const before = await count();
    await app.js(
      `const s = arguments[0]; s.value = String(arguments[1]); s.dispatchEvent(new Event('change'));`,
      { "element-6066-11e4-a52e-4f735466cecf": select },
      ((i + 6) % 12) + 1,
    );
    await app.waitFor(async () => (await count()) > before, "the measure");
    renders.push(
      await app.js(
        `const e = performance.getEntriesByName('renja:ringkasan-render'); return e[e.length - 1].duration`,
      ),
    );
  }
  // The tab opened again: a fresh dashboard, its data asked for and drawn.
  const mounts = [];
  for (let i = 0; i < 7; i++) {
    await app.clickButton("Tim RB");
    const before = await count();
    await app.clickButton("Ringkasan");
    await app.waitFor(async () => (await count()) > before, "the measure");
    mounts.push(
      await app.js(
        `const e = performance.getEntriesByName('renja:ringkasan-render'); return e[e.length - 1].duration`,
      ),
    );
  }
  const items = await app.js(
    `return document.querySelectorAll('[role=tabpanel] li').length`,
  );
  console.log(
    `Plan: ${tahapan} tahapan, realisasi for the whole year (debug build of the app, Xvfb, software GL); ${items} list items drawn`,
  );
  console.log(
    `Opening the plan, data arrived to first frame (ms, each load): ${first}`,
  );
  console.log(
    `Month changed, data arrived to first frame (ms): ${fmt(stats(renders))}`,
  );
  console.log(
    `Tab opened again, data arrived to first frame (ms): ${fmt(stats(mounts))}`,
  );
  console.log(`Each month (ms): ${renders.map((r) => r.toFixed(1)).join(" ")}`);
});
await machine.stop();
