// Measures the widget against the budget of issue 4 and prints the figures (nothing is
// asserted: timings vary with the machine; the sizes, which do not, are checked by
// tests/e2e/size.test.mjs). Run after scripts/build-web:
//   node bench-web/web.mjs [runs]
// - bytes: the first screen and the rules file, gzip -9, and the same rules as plain HTML;
// - first question interactive on a throttled phone (1.6 Mbps, 150 ms RTT, CPU 4× slower),
//   and when the rules have arrived (they load while the first question is on screen);
//   beside it, in the same run and under the same throttle, the plain page
//   (fallback.html) showing its first heading, and the ratio of the two (issue 18);
// - repeat load offline (service worker);
// - one answer → next screen rendered.
import { start, stop } from "../tests/e2e/harness.mjs";
import { sizes, kb, FIRST_SCREEN_BUDGET } from "./size.mjs";

const runs = Number(process.argv[2] ?? 5);
const size = sizes("dist");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rulesIn = (page) => page.waitForSelector("[data-rules=ready]", { timeout: 60000 });

const ctx = await start();
const cold = [], rules = [], plain = [], offline = [], offlineSlow = [], answer = [];
// The same two moments inside each page, from its navigation start: its first contentful
// paint (the widget's is the first question written into index.html; the plain page's,
// its first text), free of the polling delay of waitForSelector on a throttled CPU.
const coldPaint = [], plainPaint = [];
const fcp = (page) => page.evaluate(() => Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN));
const slowPhone = async (context, page, { network = true } = {}) => {
  const cdp = await context.newCDPSession(page);
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return cdp;
};
for (let i = 0; i < runs; i++) {
  // First visit. No service worker here: its own downloads escape the page's network
  // throttling and would make the rules look faster than a phone would get them.
  let context = await ctx.browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: "block" });
  let page = await context.newPage();
  await slowPhone(context, page);
  let t = Date.now();
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=region-53]");
  cold.push(Date.now() - t);
  coldPaint.push(await fcp(page));
  await rulesIn(page);
  rules.push(Date.now() - t);
  await context.close();

  // The plain page, the same way: its first heading in the page.
  context = await ctx.browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: "block" });
  page = await context.newPage();
  await slowPhone(context, page);
  t = Date.now();
  await page.goto(ctx.base + "fallback.html", { waitUntil: "commit" });
  await page.waitForSelector("h1");
  plain.push(Date.now() - t);
  plainPaint.push(await fcp(page));
  await context.close();

  // Repeat visit with no network, from the service worker's cache: on this machine's
  // CPU, and 4× slower.
  context = await ctx.browser.newContext({ viewport: { width: 360, height: 640 } });
  page = await context.newPage();
  await page.goto(ctx.base);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await rulesIn(page);
  await context.setOffline(true);
  t = Date.now();
  await page.reload();
  await page.waitForSelector("[data-testid=region-53]");
  offline.push(Date.now() - t);
  const cdp = await slowPhone(context, page, { network: false });
  t = Date.now();
  await page.reload();
  await page.waitForSelector("[data-testid=region-53]");
  offlineSlow.push(Date.now() - t);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await rulesIn(page);

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

console.log(`first screen, gzip -9 (budget ${kb(FIRST_SCREEN_BUDGET)}):`);
for (const [f, n] of Object.entries(size.firstScreen)) console.log(`  ${f.padEnd(40)} ${kb(n)}`);
console.log(`  total                                    ${kb(size.firstScreenTotal)}`);
console.log(`rules file, fetched while the first question shows: ${kb(size.rules)}; a whole check ${kb(size.fullCheck)}`);
console.log(`same rules as plain HTML (fallback.html): ${kb(size.plainPage)} → whole check / plain page = ${(size.fullCheck / size.plainPage).toFixed(1)}×`);
console.log(`first question interactive, throttled (budget 2500 ms): median ${median(cold)} ms of ${runs} (${cold.join(", ")})`);
console.log(`plain page (fallback.html) first heading, throttled: median ${median(plain)} ms (${plain.join(", ")})`);
console.log(`  → first question / plain page's first heading = ${(median(cold) / median(plain)).toFixed(2)}× (issue 18's goal: at most 0.6×)`);
console.log(`first contentful paint, in the page: widget ${median(coldPaint)} ms (${coldPaint.join(", ")}), plain page ${median(plainPaint)} ms (${plainPaint.join(", ")}) → ${(median(coldPaint) / median(plainPaint)).toFixed(2)}×`);
console.log(`rules in, throttled (from the same start): median ${median(rules)} ms (${rules.join(", ")})`);
console.log(`repeat load offline (budget 500 ms): median ${median(offline)} ms (${offline.join(", ")}); CPU 4× slower: ${median(offlineSlow)} ms (${offlineSlow.join(", ")})`);
console.log(`answer → next screen painted (budget 16 ms): median ${median(answer)} ms (${answer.join(", ")})`);
