// The bad days of issue 15 (reliability review of 2026-12-06, D2–D10): a captive portal
// answering the rules file, a damaged copy in the browser's caches, an older policy set
// under this build's name, a damaged regions file, someone's share link, a frame on
// another page, full storage, and a path outside the served folder. Each ends with the
// worker reaching a correct result without clearing any data. (D1, a deployment caught
// mid-upload, runs through nginx in nginx.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, stop, phone, clean, packRules, DIST } from "./harness.mjs";
import { serve } from "../../scripts/server.mjs";
import { trailerHex } from "../../scripts/fnv.mjs";
import { completeCheck, cards, guangdong, huize } from "./flow.mjs";

// (D1, the deployment caught mid-upload, is in nginx.test.mjs: it needs nginx.)

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

/** A copy of dist/ on its own server.mjs, so a test can change files "on the server". */
async function copyServed(options) {
  const root = mkdtempSync(join(tmpdir(), "wugong-rel-"));
  cpSync(DIST, root, { recursive: true });
  const server = await serve(root, 0, "127.0.0.1", options);
  after(() => new Promise((ok) => server.close(ok)));
  return { root, server, base: `http://127.0.0.1:${server.address().port}/` };
}

/** The hashed name of a file of this build (`rules`, `regions`), from index.html. */
const named = (root, which) => readFileSync(join(root, "index.html"), "utf8").match(new RegExp(`name="?wugong-${which}"? content="?(${which}-[0-9a-f]{16}\\.bin)`))[1];

/** `clean()` for a page of another server of this test (its requests are its own). */
function cleanAt(page, base, allowed) {
  page.foreign = page.foreign.filter((u) => !u.startsWith(base));
  clean(page, allowed);
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

/**
 * A proxy in front of `upstream` that answers the rules file with a WiFi login page
 * while `portal.on` (as a captive portal does), with the cache header `portal.cache`.
 */
async function portalProxy(upstream, portal) {
  const proxy = createServer(async (req, res) => {
    if (portal.on && /rules-[0-9a-f]+\.bin/.test(req.url)) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": portal.cache });
      res.end("<!doctype html><title>WiFi login</title><p>请先登录WiFi");
      return;
    }
    const up = await fetch(upstream + req.url.slice(1), { headers: { "User-Agent": req.headers["user-agent"] ?? "" } });
    const headers = {};
    up.headers.forEach((v, k) => !/^(content-encoding|content-length|transfer-encoding)$/.test(k) && (headers[k] = v));
    res.writeHead(up.status, headers);
    res.end(Buffer.from(await up.arrayBuffer()));
  });
  await new Promise((ok) => proxy.listen(0, "127.0.0.1", ok));
  after(() => proxy.close());
  return `http://127.0.0.1:${proxy.address().port}/`;
}

test("D3, D7: a captive portal's page as the rules file is called damaged in plain words, and fetched again past every cache", async () => {
  const { base: upstream } = await copyServed();
  // The portal's page even claims to be cacheable for a year, as a mangling proxy may.
  const portal = { on: true, cache: "public, max-age=31536000, immutable" };
  const base = await portalProxy(upstream, portal);
  // No service worker (iOS in-app browsers): only the browser's own cache is in play.
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(base + "?date=2026-11-23");
  await page.click("[data-testid=region-44]");
  await page.waitForSelector("[data-testid=rules-failed]");
  assert.equal(await page.getAttribute("[data-testid=rules-failed]", "data-why"), "damaged");
  const text = await page.textContent("[data-testid=rules-failed]");
  assert.match(text, /下载的文件坏了/);
  assert.match(text, /12333/);
  assert.doesNotMatch(text, /rules file|damaged|byte|HTTP|network/i, "no engine or English error under the Chinese text");
  // The portal is passed: the next load mends itself, without a tap and without
  // clearing anything (the portal's page sits in the browser's cache under the name).
  portal.on = false;
  await page.reload();
  await page.waitForSelector(".app[data-rules=ready]");
  await page.waitForSelector("[data-testid=question]:not([data-question=Home])");
  assert.match(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), /^2\./, "the answer was kept");
  cleanAt(page, base, [/Failed to load resource/]);
});

test("D3: with a service worker, a portal's page is never stored; 再试一次 after the portal reaches the results", async () => {
  const { base: upstream } = await copyServed();
  const portal = { on: true, cache: "no-store" };
  const base = await portalProxy(upstream, portal);
  const page = await phone(ctx);
  await page.goto(base + "?date=2026-11-23");
  await page.click("[data-testid=region-44]");
  await page.waitForSelector("[data-testid=rules-failed]");
  // Whatever the worker did meanwhile, nothing the portal sent was stored.
  const stored = await page.evaluate(async () => {
    for (const k of await caches.keys()) {
      for (const r of await (await caches.open(k)).keys()) if (/rules-[0-9a-f]+\.bin$/.test(r.url)) return r.url;
    }
    return null;
  });
  assert.equal(stored, null, "the portal's page is not in the offline cache");
  portal.on = false;
  await page.click("[data-testid=rules-retry]");
  await page.waitForSelector(".app[data-rules=ready]");
  // The worker goes on to a result; then the offline worker has the real file.
  await completeCheck(page, base, guangdong, { path: "?date=2026-11-23" });
  assert.ok((await cards(page))["hotlines-12333"]);
  await controlled(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector("[data-testid=results]");
  await page.context().setOffline(false);
});

test("D3: a bit flipped in the offline copy of the rules is noticed, dropped and fetched again", async () => {
  const { root, base } = await copyServed();
  const page = await phone(ctx);
  await page.goto(base + "?date=2026-11-23");
  await page.waitForSelector("[data-testid=question]");
  await controlled(page);
  const rules = named(root, "rules");
  // Damage the stored copy in place, as a failing flash chip or a bad write would.
  await page.evaluate(async (name) => {
    const [key] = await caches.keys();
    const c = await caches.open(key);
    const url = new URL(name, location.href).href;
    const res = await c.match(url, { ignoreVary: true });
    const bytes = new Uint8Array(await res.arrayBuffer());
    bytes[1000] ^= 0x10;
    await c.put(url, new Response(bytes, { headers: res.headers }));
  }, rules);
  await completeCheck(page, base, guangdong);
  assert.ok((await cards(page))["hotlines-12333"], "results from the rules fetched again");
  const restored = await page.evaluate(async (name) => {
    const [key] = await caches.keys();
    const res = await (await caches.open(key)).match(new URL(name, location.href).href, { ignoreVary: true });
    return res ? Array.from(new Uint8Array(await res.arrayBuffer()).slice(990, 1010)) : null;
  }, rules);
  assert.deepEqual(restored, Array.from(readFileSync(join(root, rules)).subarray(990, 1010)), "a sound copy replaced the damaged one");
  cleanAt(page, base);
});

test("D8: a valid rules file of an older policy set served under this build's name is refused", async () => {
  const { root, base } = await copyServed();
  const older = packRules("yrst-2021-49.toml", (t) => t.replace('up_to = "1000"', 'up_to = "800"'));
  const rules = named(root, "rules");
  const current = readFileSync(join(root, rules));
  assert.notEqual(trailerHex(older), trailerHex(current));
  writeFileSync(join(root, rules), older);
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(base + "?date=2024-06-01");
  await page.click("[data-testid=region-53]");
  await page.waitForSelector("[data-testid=rules-failed]");
  assert.equal(await page.getAttribute("[data-testid=rules-failed]", "data-why"), "damaged");
  // The server gets the right file; the worker tries again and sees the current rules.
  writeFileSync(join(root, rules), current);
  await page.click("[data-testid=rules-retry]");
  await page.waitForSelector(".app[data-rules=ready]");
  await completeCheck(page, base, huize("2024-06-01"));
  const transport = (await cards(page))["yrst-2021-49-transport"];
  assert.match(transport.amount ?? transport.text, /1000元/);
  assert.doesNotMatch(transport.text, /800元/);
  cleanAt(page, base, [/Failed to load resource/]);
});

test("D6: a damaged regions file says so under the province and can be fetched again", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  let damaged = true;
  await page.route(/regions-[0-9a-f]+\.bin/, async (route) => {
    if (!damaged) return route.continue();
    const res = await route.fetch();
    const body = Buffer.from(await res.body());
    body[body.length - 20] ^= 1;
    return route.fulfill({ response: res, body });
  });
  await page.goto(ctx.base + "?date=2026-11-23");
  await page.click("[data-testid=region-53]");
  await page.waitForSelector("[data-testid=regions-failed]");
  const text = await page.textContent("[data-testid=regions-failed]");
  assert.match(text, /地名没有下载成功/);
  assert.doesNotMatch(await page.textContent("body"), /rules file|checksum|正在下载地名/);
  damaged = false;
  await page.click("[data-testid=regions-retry]");
  await page.click("[data-testid=region-5303]");
  await page.waitForSelector("[data-testid=region-530326], [data-testid=question]:not([data-question=Home])");
  assert.equal(await page.$("[data-testid=regions-failed]"), null);
  clean(page);
});

test("fallback.html opens after a visit, online and offline (D2)", async () => {
  const page = await phone(ctx);
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=question]");
  await controlled(page);
  await page.goto(ctx.base + "fallback.html");
  await page.waitForSelector("[data-testid=static-page]");
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector("[data-testid=static-page]");
  // And the app's own page is still the app, with any query.
  await page.goto(ctx.base + "?date=2026-11-23");
  await page.waitForSelector("[data-testid=question]");
  await page.context().setOffline(false);
});

const OWN = "v1;home_region=530326;tuopin=1;problem_injury=1;injury_date=2026-10-01";

test("D5: someone's share link is shown as theirs and never replaces the worker's own answers unless she keeps it", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(ctx.base + "?date=2026-11-23&visit=1#" + OWN);
  await page.waitForSelector("[data-testid=results]");
  await page.click("[data-testid=keep-shared]");
  const mine = await page.evaluate(() => localStorage.getItem("wugong.answers.v1"));
  assert.ok(mine, "kept as her own");
  // Someone else's link: shown, said to be someone else's, not saved. (Each visit has
  // its own query: a fragment alone would not load the page again.)
  await page.goto(ctx.base + "?date=2026-11-23&visit=2#v1;home_region=44;problem_unpaid_wages=1");
  await page.waitForSelector("[data-testid=results]");
  assert.match(await page.textContent("[data-testid=shared]"), /别人分享的结果/);
  assert.equal(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), mine);
  // The next visit is hers again.
  await page.goto(ctx.base + "?date=2026-11-23&visit=3");
  await page.waitForSelector("[data-testid=results]");
  assert.equal(await page.$("[data-testid=shared]"), null);
  assert.equal(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), mine, "her own answers, back on the next visit");
  assert.ok((await cards(page))["law-work-injury-recognition"], "her own result (the injury)");
  // "存成我的" makes the shared answers hers.
  await page.goto(ctx.base + "?date=2026-11-23&visit=4#v1;home_region=44;problem_unpaid_wages=1");
  await page.click("[data-testid=keep-shared]");
  await page.waitForFunction((m) => localStorage.getItem("wugong.answers.v1") !== m, mine);
  assert.equal(await page.$("[data-testid=shared]"), null);
  clean(page);
});

test("D5: a page on another site cannot frame the widget; an office's listed page can, and its frame stores nothing untouched", async () => {
  const office = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><iframe id="w" src="${decodeURIComponent(req.url.slice(1))}" style="opacity:0.05;width:360px;height:600px"></iframe>`);
  });
  await new Promise((ok) => office.listen(0, "127.0.0.1", ok));
  after(() => office.close());
  const officeOrigin = `http://127.0.0.1:${office.address().port}`;
  const planted = "?embed=1#v1;home_region=44;problem_injury=1;injury_date=2026-11-01";

  // Default policy: frame-ancestors 'self'; the hidden frame stays empty.
  const { base } = await copyServed({ frameAncestors: "" });
  assert.match((await fetch(base)).headers.get("content-security-policy"), /frame-ancestors 'self'(;|$)/);
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(base + "?date=2026-11-23#" + OWN);
  await page.click("[data-testid=keep-shared]");
  const mine = await page.evaluate(() => localStorage.getItem("wugong.answers.v1"));
  await page.goto(`${officeOrigin}/${encodeURIComponent(base + planted)}`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.equal(await frame.$("[data-testid=question], [data-testid=results]").catch(() => null), null, "the widget did not run in the frame");

  // An office that listed its origin: the widget runs in its frame, writes nothing.
  const listed = await copyServed({ frameAncestors: officeOrigin });
  const own = await phone(ctx, { serviceWorkers: "block" });
  await own.goto(listed.base + "?date=2026-11-23#" + OWN);
  await own.click("[data-testid=keep-shared]");
  const before = await own.evaluate(() => ({ ...localStorage }));
  await own.goto(`${officeOrigin}/${encodeURIComponent(listed.base + planted)}`);
  const f = await (await own.waitForSelector("#w")).contentFrame();
  await f.waitForSelector("[data-testid=results]");
  await own.waitForTimeout(500);
  await own.goto(listed.base + "?date=2026-11-23");
  await own.waitForSelector("[data-testid=results]");
  assert.deepEqual(await own.evaluate(() => ({ ...localStorage })), before, "nothing planted");
  assert.ok((await cards(own))["law-work-injury-recognition"]);
  assert.ok(mine);
});

test("D10: with the phone's storage full the worker is told once, and print and copy still work", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
  await page.goto(ctx.base + "?date=2026-11-23");
  await page.waitForSelector("[data-testid=question]");
  await page.evaluate(() => {
    for (let size = 1 << 20, i = 0; size >= 16; size >>= 1) {
      const chunk = "x".repeat(size);
      try {
        for (;;) localStorage.setItem("fill" + i++, chunk);
      } catch {}
    }
  });
  await completeCheck(page, ctx.base, guangdong);
  assert.match(await page.textContent("[data-testid=notice]"), /手机存储满了，答案没有存下来/);
  assert.ok((await cards(page))["hotlines-12333"]);
  await page.click("[data-testid=print]");
  await page.click("[data-testid=copy-summary]");
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /12333/);
  clean(page);
});

test("D9: scripts/server.mjs serves nothing outside its folder, however the path is written", async () => {
  const top = mkdtempSync(join(tmpdir(), "wugong-sibling-"));
  mkdirSync(join(top, "dist"));
  writeFileSync(join(top, "dist", "index.html"), "ok");
  writeFileSync(join(top, "dist-secret.txt"), "SECRET");
  mkdirSync(join(top, "dist.bak"));
  writeFileSync(join(top, "dist.bak", "index.html"), "SECRET");
  const server = await serve(join(top, "dist"), 0);
  after(() => new Promise((ok) => server.close(ok)));
  const raw = (path) =>
    new Promise((ok, fail) => get({ host: "127.0.0.1", port: server.address().port, path }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d)).on("end", () => ok({ status: res.statusCode, body }));
    }).on("error", fail));
  for (const path of ["/..%2fdist-secret.txt", "/..%2fdist.bak/index.html", "/%2e%2e%2fdist-secret.txt", "/../dist-secret.txt", "/%2e%2e/dist-secret.txt"]) {
    const { status, body } = await raw(path);
    assert.ok(status === 403 || status === 404, `${path}: ${status}`);
    assert.doesNotMatch(body, /SECRET/, path);
  }
  assert.equal((await raw("/")).body, "ok");
});
