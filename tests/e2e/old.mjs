// A real old browser for the browser tests: the headless Chromium 66 of the npm package
// chrome-aws-lambda@66.0.3347 (unpacked by scripts/setup into .tools/chromium-66/),
// driven by puppeteer 1.3 (playwright cannot speak to a browser this old). WeChat's
// Android in-app browser ships kernels from Chrome 66 upward.
//
// `oldPhone()` returns a page with the few Playwright page methods the shared helpers
// use (harness.mjs: open, answer, currentQuestion; flow.mjs: completeCheck, cards), so
// the persona flows are the very ones the modern tests run. Functions sent into the
// page are rewritten to Chrome 64 syntax first (the helpers use `?.`, Chrome 80).
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { createRequire } from "node:module";
import { transformSync } from "esbuild";
import { JS_TARGETS } from "../../scripts/compat.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer");

export const CHROMIUM_66 = process.env.CHROMIUM_66 ?? resolve(".tools/chromium-66/chromium");

/** What WeChat 7 on Android 8 with a Chrome 66 kernel says it is. */
export const WECHAT_CHROME_66 =
  "Mozilla/5.0 (Linux; Android 8.1.0; PBAM00 Build/OPM1.171019.026; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Version/4.0 Chrome/66.0.3359.126 MQQBrowser/6.2 TBS/045130 Mobile Safari/537.36 MicroMessenger/7.0.12.1620(0x27000C37) NetType/WIFI Language/zh_CN";

/** Screenshots of the old browser go here (not committed). */
export const SHOTS = "test-results/chromium66";

/** A fresh Chromium 66 (its own profile: storage and service workers start empty). */
export async function launchOld() {
  assert.ok(existsSync(CHROMIUM_66), `${CHROMIUM_66} is missing: run scripts/setup`);
  return puppeteer.launch({
    executablePath: CHROMIUM_66,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--lang=zh-CN"],
  });
}

/**
 * A function's source, rewritten to run in Chrome 66, as a function puppeteer can send:
 * newer syntax lowered by esbuild, and Object.fromEntries (Chrome 73, used by the shared
 * helpers) given as a local function, never added to the page (the app must not get
 * to rely on it by accident).
 */
function lowered(fn) {
  const src = fn.toString().replace(/\bObject\.fromEntries\(/g, "__fromEntries(");
  const code = transformSync(`var __f = (${src});`, { loader: "js", target: JS_TARGETS }).code;
  const fromEntries = "function __fromEntries(pairs) { var o = {}; Array.from(pairs).forEach(function (p) { o[p[0]] = p[1]; }); return o; }";
  return new Function(`${fromEntries}\n${code}\nreturn __f.apply(this, arguments);`);
}

/** A 360×640 phone page on Chromium 66 that records console errors and foreign requests. */
export async function oldPhone(browser, base, { width = 360, height = 640 } = {}) {
  const page = await browser.newPage();
  await page.setUserAgent(WECHAT_CHROME_66);
  await page.setViewport({ width, height, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const p = {
    raw: page,
    problems: [],
    foreign: [],
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    reload: () => page.reload({ waitUntil: "load" }),
    waitForSelector: (sel, opts = {}) => page.waitForSelector(sel, { timeout: 20000, ...opts }),
    async click(sel) {
      await page.waitForSelector(sel, { visible: true, timeout: 10000 });
      await page.click(sel);
    },
    async fill(sel, value) {
      await page.waitForSelector(sel, { timeout: 10000 });
      await page.$eval(
        sel,
        lowered((el, v) => {
          el.focus();
          el.value = v;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }),
        value,
      );
    },
    async check(sel) {
      await page.waitForSelector(sel, { timeout: 10000 });
      if (!(await page.$eval(sel, lowered((el) => el.checked)))) await page.click(sel);
    },
    async $(sel) {
      const h = await page.$(sel);
      return h && { click: () => h.click(), getAttribute: (name) => page.evaluate(lowered((el, n) => el.getAttribute(n)), h, name) };
    },
    getAttribute: (sel, name) => page.$eval(sel, lowered((el, n) => el.getAttribute(n)), name),
    textContent: (sel) => page.$eval(sel, lowered((el) => el.textContent)),
    inputValue: (sel) => page.$eval(sel, lowered((el) => el.value)),
    evaluate: (fn, arg) => page.evaluate(lowered(fn), arg),
    $$eval: (sel, fn, arg) => page.$$eval(sel, lowered(fn), arg),
    waitForFunction: (fn, arg, opts = {}) => page.waitForFunction(lowered(fn), { timeout: 20000, ...opts }, arg),
    waitForTimeout: (ms) => new Promise((ok) => setTimeout(ok, ms)),
    screenshot: (name) => {
      mkdirSync(SHOTS, { recursive: true });
      return page.screenshot({ path: `${SHOTS}/${name}.png` });
    },
  };
  page.on("console", (m) => {
    if (m.type() === "error") p.problems.push(m.text());
  });
  page.on("pageerror", (e) => p.problems.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:")) p.foreign.push(u);
  });
  return p;
}

/**
 * The layout on screen, as a 360 px phone shows it: how far the page scrolls sideways,
 * which elements stick out on the right, and which visible elements overlap (neither
 * inside the other, sharing more than 2×2 px; a bar fixed to the screen is not counted
 * against what scrolls under it).
 */
export function layout(page, width = 360) {
  // The phone's width, not window.innerWidth: a mobile browser zooms out to fit content
  // that is too wide, and innerWidth grows with it.
  return page.evaluate((width) => {
    const sideways = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width;
    const name = (el) => {
      const id = el.getAttribute("data-testid");
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} "${(el.textContent || el.value || "").trim().slice(0, 20)}"`;
    };
    // One box per line for inline elements (a link that wraps is two boxes, not the
    // rectangle around both), one per element otherwise.
    const boxes = [];
    for (const el of document.querySelectorAll("button, a, input, select, textarea, label, h1, h2, h3, h4, p, summary, progress, li, img")) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || el.closest(".visually-hidden")) continue;
      const rects = style.display === "inline" ? Array.from(el.getClientRects()) : [el.getBoundingClientRect()];
      let fixed = false;
      for (let e = el; e && !fixed; e = e.parentElement) fixed = getComputedStyle(e).position === "fixed";
      for (const r of rects) if (r.width >= 2 && r.height >= 2) boxes.push({ el, r, fixed });
    }
    const outside = boxes.filter((b) => b.r.right > width + 1 || b.r.left < -1).map((b) => `${name(b.el)} ${Math.round(b.r.left)}–${Math.round(b.r.right)}`);
    const overlaps = new Set();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A bar fixed to the bottom of the screen (a tick screen's buttons) lies over
        // the list that scrolls under it, by design.
        if (a.fixed !== b.fixed) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) overlaps.add(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    return { sideways, outside: Array.from(new Set(outside)), overlaps: Array.from(overlaps) };
  }, width);
}

/** Takes the screenshot and asserts the layout is whole: no side-scroll, no overlap. */
export async function checkLayout(page, shot) {
  await page.screenshot(shot);
  const l = await layout(page);
  assert.ok(l.sideways <= 0, `${shot}: the page scrolls sideways by ${l.sideways}px`);
  assert.deepEqual(l.outside, [], `${shot}: elements stick out of the 360px screen`);
  assert.deepEqual(l.overlaps, [], `${shot}: elements overlap`);
}
