// The first question in index.html (issue 18): written at build time by the widget's own
// code (www/src/main.rs natively, through scripts/post_build.mjs), shown before any
// script of the app has run; a tap on it before the app has loaded is kept
// (www/early.js) and the app takes it over without a jump; a returning visitor never
// sees it; without scripts the page leads to fallback.html. Chromium 66 too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { DIST, start, stop, phone, clean } from "./harness.mjs";
import { launchOld, oldPhone, WECHAT_CHROME_66 } from "./old.mjs";

let ctx;
before(async () => {
  ctx = await start();
});
after(async () => {
  if (ctx) await stop(ctx);
});

/** Holds back the files matching `pattern` until the returned function is called. */
async function hold(page, pattern) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** A phone (no service worker, whose fetches would escape the routes) whose wasm is held
 * back until `page.release()`: the page as it is before the app loads. */
async function held() {
  const page = await phone(ctx, { serviceWorkers: "block" });
  page.release = await hold(page, /_bg\.wasm$/);
  return page;
}

/** Where the question's title and a province's button are on screen. */
const boxes = (page) =>
  page.evaluate(() =>
    ["#q-title", "[data-testid=region-53]", "[data-testid=skip]"].map((s) => {
      const r = [...document.querySelectorAll(s)].find((e) => e.offsetParent !== null).getBoundingClientRect();
      return [s, Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)].join(" ");
    }),
  );

test("the first question is HTML in index.html, from the widget's own code, with no inline script", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const pre = html.slice(html.indexOf("<div data-pre"));
  assert.match(pre, /data-question="Home"/);
  assert.match(pre, /<h1 id="q-title">你的户口在哪里？<\/h1>/);
  assert.match(pre, /data-testid="region-53"[^>]*>云南省</);
  assert.match(pre, /data-testid="skip"/);
  // The other-date box is empty until the app fills in today: the build's date is stale.
  const dateBox = /<input[^>]*id="as-of-date"[^>]*>/.exec(pre);
  assert.ok(dateBox, "the other-date box is in the page");
  assert.doesNotMatch(dateBox[0], /value="\d/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
  const early = readdirSync(DIST).find((f) => /^early-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(early, "early.js under a hashed name");
  assert.ok(readFileSync(join(DIST, early)).length < 1000, "early.js under 1 KB");
  // In the head, before the page is drawn; the app's scripts come after.
  assert.ok(html.indexOf(early) < html.indexOf("</head>"));
});

test("the style sheet is in the page, allowed by its hash wherever the policy is set", async () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  assert.doesNotMatch(html, /<link[^>]*stylesheet/, "no style sheet to wait for before the first paint");
  const css = html.match(/<style>([^<]*)<\/style>/)[1];
  assert.ok(css.includes("[data-pre]"), "the whole style sheet");
  const hash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  for (const file of ["scripts/server.mjs", "deploy/nginx-site.conf"]) {
    assert.ok(readFileSync(file, "utf8").includes(`style-src 'self' ${hash}`), `${file} allows the page's style (rebuild, then commit it)`);
  }
  const res = await fetch(ctx.base);
  assert.match(res.headers.get("content-security-policy"), new RegExp(`style-src 'self' ${hash.replace(/[+/]/g, "\\$&")};`));
  assert.doesNotMatch(res.headers.get("content-security-policy"), /unsafe-inline/);
});

test("a host whose policy predates the style hash still gets the page styled, from the style file", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  const refused = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
  await page.route((url) => url.pathname === "/", async (route) => {
    const res = await route.fetch();
    const headers = res.headers();
    headers["content-security-policy"] = headers["content-security-policy"].replace(/ 'sha256-[^']+'/, "");
    await route.fulfill({ response: res, headers });
  });
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=question]");
  assert.ok(refused.length > 0, "the old policy refused the page's own <style>");
  // Styled all the same: the visually hidden label takes no room, tap targets are large.
  await page.waitForFunction(() => document.querySelector("[data-testid=region-53]").getBoundingClientRect().height >= 44);
  assert.ok(await page.evaluate(() => document.querySelector(".visually-hidden").getBoundingClientRect().width <= 1));
  await page.context().close();
});

test("before the wasm has arrived the question shows and can be answered; the tap is kept and the app takes over without a jump", async () => {
  const page = await held();
  await page.goto(ctx.base);
  await page.waitForSelector("[data-pre] [data-testid=region-53]");
  assert.equal(await page.isVisible("[data-pre] h1"), true);
  assert.equal(await page.isVisible(".loading"), false, "the loading line is hidden");
  const before = await boxes(page);
  // Nothing of the app has run yet: the tap is kept and marked.
  await page.click("[data-testid=region-53]");
  assert.match(await page.getAttribute("[data-pre] [data-testid=region-53]", "class"), /chosen/);
  assert.equal(await page.evaluate(() => window.wugongTap), "region-53");
  page.release();
  // The app draws the same question and answers the kept tap: Yunnan's prefectures.
  await page.waitForSelector("[data-pre]", { state: "detached" });
  // (Before the rules have arrived the app waits for them, as after any first answer.)
  await page.waitForSelector("[data-testid=question] .chosen-region");
  assert.match(await page.textContent(".chosen-region"), /云南/);
  // Back returns to the provinces, as after a tap in the app.
  await page.goBack();
  await page.waitForSelector("[data-testid=question] [data-testid=region-53]");
  assert.equal(await page.isVisible(".chosen-region"), false);
  clean(page);
  await page.context().close();
});

test("without a tap, the app's first screen replaces the page's in place, and answers as usual", async () => {
  const page = await held();
  await page.goto(ctx.base);
  await page.waitForSelector("[data-pre] [data-testid=region-53]");
  const before = await boxes(page);
  const text = await page.innerText("[data-pre]");
  // The rules held back too: their arrival adds the progress line, which is not the takeover.
  const rules = await hold(page, /rules-[0-9a-f]{16}\.bin$/);
  page.release();
  await page.waitForSelector("[data-pre]", { state: "detached" });
  await page.waitForSelector("[data-testid=question][data-step='0']");
  assert.deepEqual(await boxes(page), before, "nothing moves when the app takes over");
  assert.equal(await page.innerText("#app"), text, "the same words");
  rules();
  await page.click("[data-testid=region-53]");
  await page.waitForSelector("[data-testid=question] .chosen-region");
  clean(page);
  await page.context().close();
});

test("a returning visitor with saved answers sees the loading line, never the first question, then their own screen", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(ctx.base);
  await page.waitForSelector("[data-pre]", { state: "detached" });
  await page.click("[data-testid=region-44]");
  await page.waitForFunction(() => localStorage.getItem("wugong.answers.v1"));
  // The next visit (a new history entry: nothing in history.state), the wasm held back.
  const release = await hold(page, /_bg\.wasm$/);
  await page.goto(ctx.base + "?v=2");
  await page.waitForSelector(".loading");
  assert.equal(await page.isVisible("[data-pre]"), false, "the first question stays hidden");
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("pre")), false);
  release();
  // Guangdong's next question, not the home region's.
  await page.waitForSelector("[data-testid=question]:not([data-question=Home])");
  clean(page);
  await page.context().close();
});

test("a reload on the first question shows the page's copy at once; a reload on a later list keeps the loading line", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.goto(ctx.base);
  await page.waitForSelector("[data-pre]", { state: "detached" });
  // The app has recorded the first question's place in this history entry: a reload
  // there is that same screen, so the page's copy shows before the wasm, and takes taps.
  let release = await hold(page, /_bg\.wasm$/);
  await page.reload();
  await page.waitForSelector("[data-pre] [data-testid=region-53]");
  assert.equal(await page.isVisible(".loading"), false);
  await page.click("[data-testid=region-53]");
  release();
  await page.waitForSelector("[data-testid=question] .chosen-region");
  assert.match(await page.textContent(".chosen-region"), /云南/);
  // Now on Yunnan's prefectures. With nothing saved (cleared here, so that only the
  // history entry tells), a reload there must not show the provinces, even for a moment.
  await page.evaluate(() => localStorage.clear());
  await page.unroute(/_bg\.wasm$/);
  release = await hold(page, /_bg\.wasm$/);
  await page.reload();
  await page.waitForSelector(".loading");
  assert.equal(await page.isVisible("[data-pre]"), false, "the provinces stay hidden");
  release();
  await page.waitForSelector("[data-testid=question] .chosen-region");
  assert.match(await page.textContent(".chosen-region"), /云南/);
  clean(page);
  await page.context().close();
});

test("English readers, an office's ?region= link and a ?date= link get the loading line, not the Chinese first question", async () => {
  for (const path of ["?lang=en", "?region=53", "?date=2026-11-23"]) {
    const page = await held();
    await page.goto(ctx.base + path);
    await page.waitForSelector(".loading");
    assert.equal(await page.isVisible("[data-pre]"), false, path);
    page.release();
    await page.waitForSelector("[data-pre]", { state: "detached" });
    await page.context().close();
  }
});

test("with scripts off the page leads to fallback.html", async () => {
  const page = await phone(ctx, { javaScriptEnabled: false });
  await page.goto(ctx.base);
  assert.equal(await page.isVisible("[data-pre]"), false, "no question whose buttons cannot work");
  const link = page.locator("a[href='fallback.html']").first();
  assert.equal(await link.isVisible(), true);
  await link.click();
  await page.waitForURL(/fallback\.html$/);
  assert.ok(await page.isVisible("h1"));
  await page.context().close();
});

test("Chromium 66: the question shows before the wasm, a tap on it is kept, and the app answers it", async () => {
  const browser = await launchOld();
  try {
    const page = await oldPhone(browser, ctx.base);
    let release;
    const gate = new Promise((ok) => (release = ok));
    await page.raw.setRequestInterception(true);
    page.raw.on("request", async (r) => {
      if (/_bg\.wasm$/.test(r.url())) await gate;
      r.continue();
    });
    page.raw.goto(ctx.base).catch(() => {});
    await page.waitForSelector("[data-pre] [data-testid=region-53]", { visible: true });
    // The page's own <style>, allowed by its hash (CSP 2), applies: the loading line is hidden.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#app > .loading")).display), "none");
    await page.click("[data-testid=region-53]");
    assert.match(await page.getAttribute("[data-pre] [data-testid=region-53]", "class"), /chosen/);
    release();
    await page.waitForSelector("[data-testid=question] .chosen-region");
    assert.match(await page.textContent(".chosen-region"), /云南/);
    assert.equal(await page.evaluate(() => document.querySelector("[data-pre]")), null);
    clean(page);
  } finally {
    await browser.close();
  }
});

test("Chromium 66 under a policy that predates the style hash: styled from the style file", async () => {
  const browser = await launchOld();
  try {
    const page = await oldPhone(browser, ctx.base);
    await page.raw.setRequestInterception(true);
    page.raw.on("request", async (r) => {
      if (new URL(r.url()).pathname !== "/") return r.continue();
      const res = await fetch(r.url(), { headers: { "user-agent": WECHAT_CHROME_66 } });
      const headers = Object.fromEntries(res.headers);
      headers["content-security-policy"] = headers["content-security-policy"].replace(/ 'sha256-[^']+'/, "");
      delete headers["content-encoding"];
      delete headers["content-length"];
      r.respond({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
    });
    await page.goto(ctx.base);
    await page.waitForSelector("[data-testid=question]");
    await page.raw.waitForFunction(() => document.querySelector(".visually-hidden").getBoundingClientRect().width <= 1, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.getElementsByTagName("style")[0].sheet), null, "the page's own <style> was refused");
    clean(page);
  } finally {
    await browser.close();
  }
});
