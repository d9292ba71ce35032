// Shared set-up for the browser tests: serve dist/ on loopback with the strict CSP and
// drive Debian's Chromium through playwright-core. Every request to another origin is
// recorded so tests can assert there are none.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/server.mjs";

export const DIST = process.env.DIST ?? "dist";

export async function start() {
  const server = await serve(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
  });
  return { server, browser, base };
}

export async function stop({ server, browser }) {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

/// A phone-sized page that records console errors, CSP violations and foreign requests.
export async function phone(ctx, { width = 360, height = 640, ...options } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width, height }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  page.problems = [];
  page.foreign = [];
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(m.text());
  });
  page.on("pageerror", (e) => page.problems.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(ctx.base) && !u.startsWith("data:") && !u.startsWith("blob:")) page.foreign.push(u);
  });
  return page;
}

/// No request left the page's origin and nothing was logged as an error (speech engines
/// complain in headless Chromium; `allowed` adds the errors a test causes on purpose).
export function clean(page, allowed = []) {
  assert.deepEqual(page.foreign, [], "requests to other origins");
  const problems = page.problems.filter((p) => !/speech/i.test(p) && !allowed.some((a) => a.test(p)));
  assert.deepEqual(problems, [], "console errors");
}

/// Opens the widget and waits until the app has replaced the loading text and the first
/// question written into the page at build time ([data-pre], issue 18).
export async function open(page, base, path = "") {
  await page.goto(base + path);
  await page.waitForSelector("[data-testid=question], [data-testid=results], [data-testid=failure]");
  // (A function, not a selector's state: the Chromium 66 tests' puppeteer has none.)
  await page.waitForFunction(() => !document.querySelector("[data-pre]"));
}

/// Answers the current screen. `answer` is: "yes" | "no" | "skip" | "none" |
/// { choice } | { value } | { checks: [...] } | { region: [...] }. With `checks` the
/// person ticks those and says "其他都没有" to the rest (they know their situation);
/// add `unsure: true` to tap OK instead, leaving the unticked boxes unknown.
export async function answer(page, a) {
  if (a === "yes" || a === "no" || a === "skip" || a === "none") {
    await page.click(`[data-testid=${a}]`);
  } else if (a.choice) {
    await page.click(`[data-testid=choice-${a.choice}]`);
  } else if (a.value !== undefined) {
    await page.fill("[data-testid=value-input]", String(a.value));
    await page.click("[data-testid=ok]");
  } else if (a.checks) {
    for (const f of a.checks) await page.check(`[data-testid=check-${f}]`);
    await page.click(a.unsure ? "[data-testid=ok]" : "[data-testid=none]");
  } else if (a.region) {
    for (const code of a.region) await page.click(`[data-testid=region-${code}]`);
    return;
  }
}

/// The question on screen (its engine name), or null when the results show.
export async function currentQuestion(page) {
  const q = await page.$("[data-testid=question]");
  return q ? q.getAttribute("data-question") : null;
}

/// A rules file packed from policies/ with one change (`edit` on the text of `file`): as
/// another deployment's policy set would be.
export function packRules(file, edit) {
  const dir = mkdtempSync(join(tmpdir(), "wugong-policies-"));
  cpSync("policies", dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
  const out = join(dir, "rules.bin");
  execFileSync("cargo", ["run", "--quiet", "--bin", "selfcheck", "--", "pack", "--policies", dir, "--out", out, "--english-out", join(dir, "en.bin")], { stdio: "inherit" });
  return readFileSync(out);
}
