// The rules file arrives after the first screen; slow, failed and mislabelled downloads,
// browsers without service workers, and the text summary for WeChat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { start, stop, phone, clean, DIST } from "./harness.mjs";
import { completeCheck, cards, guangdong } from "./flow.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

/// A phone like an iOS in-app browser: no service worker, so requests can be held back.
const noServiceWorker = () => phone(ctx, { serviceWorkers: "block" });

test("the first question shows before the rules arrive; the check goes on when they do", async () => {
  const page = await noServiceWorker();
  let release;
  const arrived = new Promise((ok) => (release = ok));
  await page.route(/rules-[0-9a-f]+\.bin$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto(ctx.base + "?date=2026-11-23");
  await page.waitForSelector("[data-testid=region-44]");
  assert.equal(await page.getAttribute("[data-testid=question]", "data-question"), "Home");
  // Answered before the rules are in: the worker is told to wait, nothing is lost.
  await page.click("[data-testid=region-44]");
  await page.waitForSelector("[data-testid=rules-loading]");
  // The footer dates the rules only once it has them.
  assert.doesNotMatch(await page.textContent("footer"), /规定更新于/);
  release();
  await page.waitForSelector("[data-testid=question]");
  assert.match(await page.textContent("footer"), /规定更新于 20\d\d-\d\d-\d\d。/);
  assert.notEqual(await page.getAttribute("[data-testid=question]", "data-question"), "Home");
  // The answer is kept (compactly: share.rs format 2).
  assert.match(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), /^2\.[A-Za-z0-9_-]+$/);
  clean(page);
});

test("a failed rules download says so, keeps the answers and can be retried", async () => {
  const page = await noServiceWorker();
  let fail = true;
  await page.route(/rules-[0-9a-f]+\.bin$/, (route) => (fail ? route.abort("internetdisconnected") : route.continue()));
  await page.goto(ctx.base);
  await page.click("[data-testid=region-44]");
  await page.waitForSelector("[data-testid=rules-failed]");
  const text = await page.textContent("[data-testid=rules-failed]");
  assert.match(text, /规定没有下载成功/);
  assert.match(text, /你的回答还在/);
  assert.equal(await page.getAttribute("[data-testid=rules-failed]", "data-why"), "network");
  assert.ok(await page.$("[data-testid=rules-failed] a[href='tel:12333']"), "hotline to tap");
  assert.ok(await page.$("[data-testid=rules-failed] a[href='fallback.html']"), "link to the plain page");
  fail = false;
  await page.click("[data-testid=rules-retry]");
  await page.waitForSelector("[data-testid=question]");
  assert.notEqual(await page.getAttribute("[data-testid=question]", "data-question"), "Home");
  // The browser logs the failed fetch itself; nothing else may fail.
  clean(page, [/Failed to load resource|ERR_INTERNET_DISCONNECTED/]);
});

test("a damaged rules file is reported, not a blank page", async () => {
  const page = await noServiceWorker();
  // Damaged every time, also when fetched again past the caches (?retry=…).
  await page.route(/rules-[0-9a-f]+\.bin(\?|$)/, (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: "<html>proxy error</html>" }));
  await page.goto(ctx.base);
  await page.click("[data-testid=region-44]");
  await page.waitForSelector("[data-testid=rules-failed]");
  // Said as damaged, in the worker's words (not the engine's English reason).
  assert.equal(await page.getAttribute("[data-testid=rules-failed]", "data-why"), "damaged");
  assert.match(await page.textContent("[data-testid=rules-failed]"), /下载的文件坏了/);
  assert.doesNotMatch(await page.textContent("[data-testid=rules-failed]"), /rules file|byte/);
  clean(page);
});

test("wasm sent with the wrong MIME type still loads", async () => {
  const page = await noServiceWorker();
  const wasm = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  let served = 0;
  await page.route(/_bg\.wasm$/, (route) => {
    served++;
    return route.fulfill({ status: 200, contentType: "application/octet-stream", body: readFileSync(join(DIST, wasm)) });
  });
  await completeCheck(page, ctx.base, guangdong);
  assert.ok(served >= 1, "the wasm came through the mislabelled route");
  // wasm-bindgen's loader took its slower path, as it says when it does.
  assert.ok(warnings.some((w) => /MIME type/.test(w)), `fallback warning: ${warnings.join(" | ")}`);
  assert.ok((await cards(page))["hotlines-12333"], "results computed");
  clean(page);
});

test("without a service worker the page works online and claims nothing about offline use", async () => {
  const page = await noServiceWorker();
  await completeCheck(page, ctx.base, guangdong);
  assert.ok((await cards(page))["hotlines-12333"]);
  await page.reload();
  await page.waitForSelector("[data-testid=results]");
  assert.equal(await page.$("[data-testid=offline-ready]"), null);
  assert.doesNotMatch(await page.textContent("body"), /没有网络也能打开|opens without a network/);
  clean(page);
});

test("the summary can be copied as text, and is shown to copy by hand", async () => {
  const page = await phone(ctx);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
  await completeCheck(page, ctx.base, guangdong);
  await page.click("[data-testid=print]");
  await page.click("[data-testid=copy-summary]");
  const text = await page.inputValue("[data-testid=summary-text]");
  assert.match(text, /^务工自查结果\n+按 2026-11-23 的规定\n/);
  assert.match(text, /12333/);
  assert.match(text, /先做这几件事\n+去办：/);
  assert.match(text, /去哪里：/);
  assert.match(text, /在职期间不受1年限制/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  clean(page);
});
