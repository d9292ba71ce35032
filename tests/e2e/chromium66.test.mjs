// The whole widget in a real Chromium 66 (WeChat's oldest Android kernels), through the
// project's own server and the policy it sends such a browser: three persona checks to
// a result with the layout checked at 360×640 (and every screen of one of them), the
// share link, answers kept across a reload, and a reload with no network after the first
// visit; and why the policy differs: under the strict one Chromium 66 cannot start.
// The flows are the shared ones (flow.mjs), driven through tests/e2e/old.mjs; they rely
// only on the question screens, a result showing, and the result cards' measure ids.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, cspFor, scriptSrc } from "../../scripts/server.mjs";
import { DIST, clean, start, stop, phone, answer, currentQuestion } from "./harness.mjs";
import { completeCheck, cards, guangdong, huize as huizeOn } from "./flow.mjs";
import { launchOld, oldPhone, checkLayout, WECHAT_CHROME_66 } from "./old.mjs";

let server, base;
before(async () => {
  server = await serve(DIST, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  if (server) await new Promise((ok) => server.close(ok));
});

/** Runs `fn` with a fresh Chromium 66 (nothing stored, no service worker), then closes it. */
async function withOld(fn) {
  const browser = await launchOld();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** A persona check to the result, with screenshots of the first and last screens. */
const personaCheck = (persona, shot) => withOld(async (browser) => {
  const page = await oldPhone(browser, base);
  await page.goto(base + "?date=" + persona.asOf);
  await page.waitForSelector("[data-testid=question]");
  await checkLayout(page, `${shot}-1-first-question`);
  const asked = await completeCheck(page, base, persona);
  await page.waitForSelector("[data-testid=results]");
  await checkLayout(page, `${shot}-2-results`);
  const shown = await cards(page);
  clean(page);
  return { asked, shown };
});

test("Chromium 66 is sent the policy it can compile WebAssembly under; modern browsers the strict one", async () => {
  const page = await fetch(base, { headers: { "User-Agent": WECHAT_CHROME_66 } });
  assert.match(page.headers.get("content-security-policy"), /script-src 'self' 'unsafe-eval';/);
  assert.match(page.headers.get("vary"), /User-Agent/);
  assert.equal(cspFor(WECHAT_CHROME_66), page.headers.get("content-security-policy"));
  const modern = await fetch(base, { headers: { "User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36" } });
  assert.match(modern.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(modern.headers.get("content-security-policy"), /'unsafe-eval'/);
});

test("why: under the strict policy Chromium 66 refuses to compile the wasm (and the page says it did not load)", () => withOld(async (browser) => {
  const page = await oldPhone(browser, base);
  // Saying it is a new Chrome, it is sent the strict policy.
  await page.raw.setUserAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
  await page.goto(base);
  // Polled from outside: puppeteer's own waiting runs `new Function` in the page, which
  // this policy forbids too.
  let state = "loading";
  for (let i = 0; i < 100 && state === "loading"; i++) {
    await page.waitForTimeout(100);
    state = await page.evaluate(() => document.querySelector("main").className);
  }
  assert.equal(state, "failure", "the retry message, not a blank page");
  assert.ok(page.problems.some((p) => /Wasm code generation disallowed by embedder/.test(p)), page.problems.join("\n"));
}));

test("the modern Chromium of the other browser tests is sent the strict policy", async () => {
  const ctx = await start();
  try {
    const page = await phone(ctx);
    await page.goto(ctx.base);
    const ua = await page.evaluate(() => navigator.userAgent);
    assert.equal(scriptSrc(ua), "script-src 'self' 'wasm-unsafe-eval'", ua);
    await page.waitForSelector("[data-testid=question]");
  } finally {
    await stop(ctx);
  }
});

const huize = huizeOn("2024-06-01");

test("Chromium 66: the 会泽 脱贫 worker working in Guangdong, 2024, gets the travel subsidy", async () => {
  const { asked, shown } = await personaCheck(huize, "huize");
  assert.equal(asked[0], "Home");
  assert.ok(shown["yrst-2021-49-transport"], "the Yunnan travel subsidy is among the results");
  assert.ok(shown["hotlines-12333"], "whom to call is among the results");
});

test("Chromium 66: a worker owed wages who left the job gets the deadlines and whom to ask", async () => {
  const { shown } = await personaCheck(
    {
      asOf: "2026-11-23",
      answers: {
        Home: { region: ["44"] },
        Problems: { checks: ["problem_unpaid_wages"] },
        Situation: { checks: ["unemployed"] },
        Household: { choice: "rural" },
        DisputeDate: { value: "2026-08-15" },
        StillEmployed: "no",
        JobEndDate: { value: "2026-09-30" },
      },
    },
    "owed-wages",
  );
  assert.ok(shown["law-labour-dispute-arbitration-apply"], "arbitration is among the results");
  assert.ok(shown["law-legal-aid-migrant-workers"], "legal aid is among the results");
});

test("Chromium 66: the 忻州 脱贫 worker in another province, 2022, gets the one-off travel subsidy", async () => {
  const { shown } = await personaCheck(
    {
      asOf: "2022-08-01",
      answers: {
        Home: { region: ["14", "1409", "140981"] },
        Groups: { checks: ["tuopin"] },
        WorkPlace: { choice: "cross_province" },
        Organised: "no",
        StableMonths: { value: 4 },
        Problems: "none",
        Situation: "none",
        Household: { choice: "rural" },
      },
    },
    "xinzhou",
  );
  assert.ok(shown["xinzhou-2022-plan-transport-cross-province"], "the Xinzhou travel subsidy is among the results");
});

test("Chromium 66: answers are kept across a reload, and the share link opens the same results on another phone", () => withOld(async (browser) => {
  const page = await oldPhone(browser, base);
  await completeCheck(page, base, guangdong);
  const before = await cards(page);
  assert.ok(Object.keys(before).length > 0);
  await page.reload();
  await page.waitForSelector("[data-testid=results]");
  assert.deepEqual(await cards(page), before, "the same results after a reload");

  await page.click("[data-testid=share]");
  await page.waitForSelector("[data-testid=share-link]");
  const link = await page.inputValue("[data-testid=share-link]");
  assert.match(link, /#2\.[A-Za-z0-9_-]+$/, "the compact link format");
  clean(page);
  // Another phone: a browser with nothing stored, only the link.
  const other = await launchOld();
  try {
    const fresh = await oldPhone(other, base);
    await fresh.goto(link);
    await fresh.waitForSelector("[data-testid=results]");
    // Worked out for today; one tap gives the day it was shared (issue 14).
    await fresh.click("[data-testid=shared-day]");
    await fresh.waitForFunction(() => /2026-11-23/.test(document.querySelector("[data-testid=as-of]").textContent));
    assert.deepEqual(await cards(fresh), before, "the link carries the answers");
    clean(fresh);
  } finally {
    await other.close();
  }
}));

test("Chromium 66: after one visit the check opens and runs with the server gone", async () => {
  // A server of its own, stopped halfway: no network at all, not an emulated one.
  const own = await serve(DIST, 0);
  const ownBase = `http://127.0.0.1:${own.address().port}/`;
  const phone = await launchOld();
  try {
    const page = await oldPhone(phone, ownBase);
    await page.goto(ownBase);
    await page.waitForSelector("[data-testid=question]");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    own.closeAllConnections();
    await new Promise((ok) => own.close(ok));
    assert.equal(await fetch(ownBase).then(() => "up", () => "down"), "down", "the server is gone");

    await page.reload();
    await page.waitForSelector("[data-testid=offline-ready]");
    await completeCheck(page, ownBase, guangdong);
    assert.ok((await cards(page))["hotlines-12333"], "results computed offline");
    clean(page, [/ERR_CONNECTION_REFUSED/]);
  } finally {
    await phone.close();
    if (own.listening) await new Promise((ok) => own.close(ok));
  }
});

test("Chromium 66: every screen of the 会泽 check lays out at 360×640 (region list, check boxes, numbers, choices, results)", () => withOld(async (browser) => {
  const page = await oldPhone(browser, base);
  await page.goto(base + "?date=" + huize.asOf);
  const screens = [];
  for (let i = 0; i < 30; i++) {
    await page.waitForSelector("[data-testid=question], [data-testid=results]");
    const q = await currentQuestion(page);
    const shot = `screens-${String(i).padStart(2, "0")}-${q ?? "results"}`;
    await checkLayout(page, shot);
    screens.push(q);
    if (q === null) break;
    const a = huize.answers[q] ?? "skip";
    const step = await page.getAttribute("[data-testid=question]", "data-step");
    if (a.region) {
      // One level per screen (province, city, county): each is a screen to check.
      const i = a.region.findIndex((c) => !screens.includes(`region-${c}`));
      screens.push(`region-${a.region[i]}`);
      await answer(page, { region: [a.region[i]] });
      await page.waitForFunction(
        (next) => (next && document.querySelector(`[data-testid=region-${next}]`)) || !document.querySelector("[data-question=Home]"),
        a.region[i + 1] ?? null,
      );
      continue;
    }
    await answer(page, a);
    await page.waitForFunction(
      (before) => !document.querySelector("[data-testid=question]") || document.querySelector("[data-testid=question]").getAttribute("data-step") !== before,
      step,
    );
  }
  assert.equal(screens[screens.length - 1], null, `reached the results: ${screens.join(", ")}`);
  clean(page);
}));

test("Chromium 66: a hidden frame on another site plants nothing in the worker's storage (issue 15, D5)", async () => {
  // Chromium 66 gives frames the first-party storage: WeChat's kernel does too.
  const { createServer } = await import("node:http");
  const planted = "?embed=1#v1;home_region=44;problem_injury=1;injury_date=2199-12-31";
  const office = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><iframe id="w" src="${decodeURIComponent(req.url.slice(1))}" style="opacity:0.05;width:360px;height:600px"></iframe>`);
  });
  await new Promise((ok) => office.listen(0, "127.0.0.1", ok));
  // Another site (localhost is not 127.0.0.1): once with the default policy, once listed.
  const officeOrigin = `http://localhost:${office.address().port}`;
  const listed = await serve(DIST, 0, "127.0.0.1", { frameAncestors: officeOrigin });
  try {
    for (const b of [base, `http://127.0.0.1:${listed.address().port}/`]) {
      await withOld(async (browser) => {
        const page = await oldPhone(browser, b);
        await completeCheck(page, b, guangdong);
        const mine = await page.evaluate(() => localStorage.getItem("wugong.answers.v1"));
        assert.ok(mine);
        await page.goto(`${officeOrigin}/${encodeURIComponent(b + planted)}`);
        await page.waitForTimeout(4000);
        await page.goto(b + "?date=2026-11-23");
        await page.waitForSelector("[data-testid=results]");
        assert.equal(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), mine, `nothing planted (${b})`);
        assert.doesNotMatch(await page.textContent("body"), /2200-01-30/);
      });
    }
  } finally {
    office.close();
    await new Promise((ok) => listed.close(ok));
  }
});
