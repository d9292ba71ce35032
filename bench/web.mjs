// Measures the widget against the budget of issue 4 and prints the figures (nothing is
// asserted: timings vary with the machine). Run after scripts/build-web:
//   node bench/web.mjs [runs]
// - bytes: everything the first screen needs, gzip -9, and the same rules as plain HTML;
// - first question interactive on a throttled phone (1.6 Mbps, 150 ms RTT, CPU 4× slower);
// - repeat load offline (service worker);
// - one answer → next screen rendered.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { start, stop } from "../tests/e2e/harness.mjs";

const runs = Number(process.argv[2] ?? 5);
const dist = "dist";
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const html = readFileSync(join(dist, "index.html"), "utf8");
const firstScreen = readdirSync(dist).filter((f) => f === "index.html" || f === "detect.js" || /^(start|style|wugong-www)-/.test(f));
const sizes = Object.fromEntries(firstScreen.map((f) => [f, gz(f)]));
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
const fallback = gz("fallback.html");
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ctx = await start();
const cold = [], offline = [], answer = [];
for (let i = 0; i < runs; i++) {
  const context = await ctx.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let t = Date.now();
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=region-53]");
  cold.push(Date.now() - t);

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await context.setOffline(true);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  t = Date.now();
  await page.reload();
  await page.waitForSelector("[data-testid=region-53]");
  offline.push(Date.now() - t);

  // One tap → the next screen painted, timed inside the page.
  const ms = await page.evaluate(
    () =>
      new Promise((done) => {
        const before = document.querySelector("[data-testid=question]").getAttribute("data-step");
        const t0 = performance.now();
        new MutationObserver((_, obs) => {
          const q = document.querySelector("[data-testid=question], [data-testid=results]");
          if (q && q.getAttribute("data-step") !== before) {
            obs.disconnect();
            requestAnimationFrame(() => done(performance.now() - t0));
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
        document.querySelector("[data-testid=region-44]").click();
      }),
  );
  answer.push(Math.round(ms));
  await context.close();
}
await stop(ctx);

console.log("first screen, gzip -9 (budget 150 KB):");
for (const [f, n] of Object.entries(sizes)) console.log(`  ${f.padEnd(40)} ${(n / 1024).toFixed(1)} KB`);
console.log(`  total                                    ${(total / 1024).toFixed(1)} KB`);
console.log(`same rules as plain HTML (fallback.html):  ${(fallback / 1024).toFixed(1)} KB  → widget/static = ${(total / fallback).toFixed(1)}×`);
console.log(`first question interactive, throttled (budget 2500 ms): median ${median(cold)} ms of ${runs} (${cold.join(", ")})`);
console.log(`repeat load offline (budget 500 ms): median ${median(offline)} ms (${offline.join(", ")})`);
console.log(`answer → next screen painted (budget 16 ms): median ${median(answer)} ms (${answer.join(", ")})`);
