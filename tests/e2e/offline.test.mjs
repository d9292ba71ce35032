// Offline after the first visit: the service worker precaches the whole build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, phone } from "./harness.mjs";
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
  const persona = { asOf: "2026-11-23", answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_unpaid_wages"] }, StillEmployed: "yes" } };
  await completeCheck(page, ctx.base, persona);
  const shown = await cards(page);
  assert.ok(shown["hotlines-12333"], "results computed offline");
  assert.match(await page.textContent("[data-testid=deadline-ArbitrationLimit]"), /在职期间不受1年限制/);
  await page.context().setOffline(false);
});
