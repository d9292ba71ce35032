// Offline after the first visit, and clean updates: a new deployment is installed in
// the background and serves the next load whole, with the old build's cache deleted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, stop, phone, DIST } from "./harness.mjs";
import { serve } from "../../scripts/server.mjs";
import { completeCheck, cards } from "./flow.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

test("after one visit the check works with no network", async () => {
  const page = await phone(ctx);
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=question]");
  await controlled(page);
  await page.context().setOffline(true);
  // Now true, so now said.
  await page.reload();
  await page.waitForSelector("[data-testid=offline-ready]");
  const persona = { asOf: "2026-11-23", answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_unpaid_wages"] }, StillEmployed: "yes" } };
  await completeCheck(page, ctx.base, persona);
  const shown = await cards(page);
  assert.ok(shown["hotlines-12333"], "results computed offline");
  assert.match(await page.textContent("[data-testid=deadline-arbitration_limit]"), /在职期间不受1年限制/);
  await page.context().setOffline(false);
});

/// Cache name → number of entries, as the page sees them.
const cacheState = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).length;
    return out;
  });

test("a new deployment replaces the old one whole on the next load", async () => {
  const root = mkdtempSync(join(tmpdir(), "wugong-deploy-"));
  cpSync(DIST, root, { recursive: true });
  const server = await serve(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    const page = await phone(ctx);
    await page.goto(base);
    await page.waitForSelector("[data-testid=question]");
    await controlled(page);
    const before = await cacheState(page);
    assert.equal(Object.keys(before).length, 1, "one cache for one build");
    const files = Object.values(before)[0];

    // Deploy "build 2": a changed page, and a worker that names a new cache.
    const sw = readFileSync(join(root, "sw.js"), "utf8").replace(/const CACHE = "wugong-[0-9a-f]+"/, 'const CACHE = "wugong-build2"');
    writeFileSync(join(root, "sw.js"), sw);
    writeFileSync(join(root, "index.html"), readFileSync(join(root, "index.html"), "utf8").replace("<title>", '<meta name="build" content="2"><title>'));

    // On the next load the browser finds the new worker (a few seconds later); it
    // caches the whole new build, then drops the old cache.
    await page.reload();
    let after = {};
    for (let i = 0; i < 40 && !(after["wugong-build2"] === files && Object.keys(after).length === 1); i++) {
      await page.waitForTimeout(500);
      after = await cacheState(page);
    }
    assert.deepEqual(after, { "wugong-build2": files }, "only the new build's complete cache is left");
    await page.reload();
    await page.waitForSelector("[data-testid=question]");
    assert.equal(await page.getAttribute("meta[name=build]", "content"), "2", "the new page is served");
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});
