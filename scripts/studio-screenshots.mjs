// Saves the rules studio's screenshots for docs/offices.md into docs/screenshots/
// (studio-*.png, 1280×900). Run after scripts/build-web:  node scripts/studio-screenshots.mjs
import { readFileSync } from "node:fs";
import { start, stop, phone } from "../tests/e2e/harness.mjs";

const ctx = await start();
const page = await phone(ctx, { width: 1280, height: 900 });
const shot = async (name, selector) => {
  const el = await page.$(selector);
  await el.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
};
await page.goto(ctx.base + "studio/");
await page.waitForSelector("body[data-ready]");
await page.selectOption("[data-testid=seed]", "yrst-2021-49");
await page.click("[data-testid=open-seed]");
await page.waitForSelector("[data-testid=lint-ok]");
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: "docs/screenshots/studio-1-open.png" });
const text = readFileSync("policies/yrst-2021-49.toml", "utf8");
const broken = text.replace('fact = "stable_months"', 'fact = "stabel_months"');
const line = broken.split("\n").findIndex((l) => l.includes("stabel_months"));
await page.fill("[data-testid=document]", broken);
await page.waitForSelector("[data-testid=lint-error]");
// Scroll the editor to the broken line.
await page.evaluate((line) => {
  const t = document.querySelector("[data-testid=document]");
  t.scrollTop = Math.max(0, (line - 8) * parseFloat(getComputedStyle(t).lineHeight));
}, line);
await shot("studio-2-error", "[data-testid=lint]");
await page.fill("[data-testid=document]", text);
await page.waitForSelector("[data-testid=lint-ok]");
await shot("studio-3-preview", "#h-worker");
await page.fill("[data-testid=preset-region]", "530326");
await page.fill("[data-field=p-hotline]", "0874-5123456");
await page.fill("[data-field=p-address]", "会泽县人社局一楼大厅");
await shot("studio-4-export", "#h-export");
await stop(ctx);
console.log("studio screenshots: docs/screenshots/studio-*.png");
