// Two builds' first paint, paired (issue 18): on this shared machine single loads vary by
// ±300 ms, more than most changes to the first paint are worth, so two builds measured in
// separate runs of bench-web/web.mjs cannot be told apart. Here each run loads build A,
// build B and the plain page (fallback.html of A) one after the other (the order
// alternating), on the throttled phone of web.mjs, and prints the medians, each run's
// ratio to the plain page, and the median of the paired differences B − A.
//   node bench-web/first-paint-ab.mjs RUNS DIST_A DIST_B
// (Both are served by scripts/server.mjs, whose policy allows this build's <style>: make
// the other build's variant from the same build, e.g. with the style sheet linked.)
import { chromium } from "playwright-core";
import { serve } from "../scripts/server.mjs";
import { loadavg } from "node:os";
const dists = process.argv.slice(3, 5);
const runs = Number(process.argv[2] ?? 9);
if (dists.length !== 2) throw new Error("usage: node bench-web/first-paint-ab.mjs RUNS DIST_A DIST_B");
const servers = await Promise.all(dists.map((d) => serve(d, 0)));
const bases = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"] });
/** The first contentful paint of `url`, from navigation start, reported by the page itself. */
async function fcp(url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: "block" });
  let done;
  const got = new Promise((ok) => (done = ok));
  await context.exposeFunction("__bench", (v) => done(v));
  await context.addInitScript(() => new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__bench(Math.round(e.startTime)); }).observe({ type: "paint", buffered: true }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  const t = await got;
  await page.waitForLoadState("load");
  await context.close();
  return t;
}
const res = dists.map(() => []);
const plain = [];
const load = [loadavg()[0]];
for (let i = 0; i < runs; i++) {
  const order = i % 2 ? [...dists.keys()].reverse() : [...dists.keys()];
  if (i % 2) plain.push(await fcp(bases[0] + "fallback.html"));
  for (const k of order) res[k].push(await fcp(bases[k]));
  if (!(i % 2)) plain.push(await fcp(bases[0] + "fallback.html"));
}
load.push(loadavg()[0]);
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
console.log("load", load.map((l) => l.toFixed(1)).join(" → "));
dists.forEach((d, k) => console.log(d, "widget FCP median", med(res[k]), "(", res[k].join(", "), ") ratio to plain", (med(res[k]) / med(plain)).toFixed(2), "each:", res[k].map((x, i) => (x / plain[i]).toFixed(2)).join(", ")));
console.log("plain FCP median", med(plain), "(", plain.join(", "), ")");
for (let k = 1; k < dists.length; k++) console.log(`${dists[k]} − ${dists[0]} paired: median ${med(res[k].map((x, i) => x - res[0][i]))} ms (`, res[k].map((x, i) => x - res[0][i]).join(", "), ")");
await browser.close();
for (const s of servers) s.close();
