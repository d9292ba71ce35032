// Where a load's time goes, from a Chrome trace (issue 18): the page's main thread and
// the service worker's, every task of at least 2 ms in order, with what it ran (script,
// wasm compile, parse, layout, paint), from the navigation's start. Run after
// scripts/build-web:
//   node bench-web/where.mjs cold       first visit, 1.6 Mbps / 150 ms RTT, CPU 4× slower
//   node bench-web/where.mjs offline    repeat visit offline (service worker), CPU 4× slower
//   node bench-web/where.mjs plain      the plain page (fallback.html), throttled as cold
// bench-web/web.mjs measures; this explains.
import { start, stop } from "../tests/e2e/harness.mjs";

const mode = process.argv[2] ?? "offline";
const ctx = await start();
const context = await ctx.browser.newContext({ viewport: { width: 360, height: 640 }, ...(mode !== "offline" ? { serviceWorkers: "block" } : {}) });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
if (mode === "offline") {
  await page.goto(ctx.base);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  await page.waitForSelector("[data-rules=ready]", { timeout: 60000 });
  await context.setOffline(true);
} else {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 });
}
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
const categories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "blink", "loading", "ServiceWorker", "navigation", "toplevel", "blink.user_timing"];
await ctx.browser.startTracing(page, { categories });
const t = Date.now();
if (mode === "offline") await page.reload({ waitUntil: "commit" });
else await page.goto(ctx.base + (mode === "plain" ? "fallback.html" : ""), { waitUntil: "commit" });
await page.waitForSelector(mode === "plain" ? "h1" : "[data-testid=region-53]");
const visible = Date.now() - t;
if (mode !== "plain") await page.waitForFunction(() => !document.querySelector("[data-pre]") && document.querySelector("[data-testid=question]"), null, { polling: 10 });
const app = Date.now() - t;
await page.waitForTimeout(300);
const trace = JSON.parse((await ctx.browser.stopTracing()).toString());
if (process.env.TRACE_OUT) (await import("node:fs")).writeFileSync(process.env.TRACE_OUT, JSON.stringify(trace));
await context.close();
await stop(ctx);

const events = trace.traceEvents;
const names = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith("http"));
const t0 = nav ? nav.ts : Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
const ms = (us) => (us / 1000).toFixed(1);
const what = (e) => {
  const d = e.args?.data ?? e.args?.beginData ?? {};
  return [d.url?.replace(/^.*\//, ""), d.functionName, d.type, e.args?.url?.replace?.(/^.*\//, "")].filter(Boolean).join(" ");
};
console.log(`${mode}: question visible ${visible} ms, the app running ${app} ms (from the command; the trace's times are from navigation start)`);
for (const thread of ["CrRendererMain", "ServiceWorkerThread", "DedicatedWorker thread"]) {
  const mine = events.filter((e) => names.get(`${e.pid}:${e.tid}`)?.startsWith(thread) && e.ph === "X" && e.ts >= t0 && e.dur >= 2000);
  if (!mine.length) continue;
  console.log(`\n${thread}: tasks of 2 ms or more (start, duration, what)`);
  // Top-level tasks, and under each the largest named pieces.
  const tops = mine.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask");
  for (const top of tops.length ? tops : mine) {
    const inner = mine
      .filter((e) => e !== top && e.ts >= top.ts && e.ts + e.dur <= top.ts + top.dur && !/RunTask/.test(e.name))
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 4)
      .map((e) => `${e.name}${what(e) ? " " + what(e) : ""} ${ms(e.dur)}`);
    console.log(`  ${ms(top.ts - t0).padStart(7)}  ${ms(top.dur).padStart(6)}  ${inner.join("; ")}`);
  }
}
const marks = events.filter((e) => /firstContentfulPaint|firstPaint|domContentLoadedEventEnd|loadEventEnd|wasm/i.test(e.name) && e.ts >= t0);
console.log("\nmarks: " + marks.map((e) => `${e.name} ${ms(e.ts - t0)}${e.dur ? "+" + ms(e.dur) : ""}`).join(", "));
