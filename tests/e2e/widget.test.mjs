// The widget's own behaviour in a real browser: share links, storage, bad input,
// layout at 320px and 200% text, language, the as-of date, accessibility, privacy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { start, stop, phone, open, answer, clean, currentQuestion, DIST } from "./harness.mjs";
import { serve } from "../../scripts/server.mjs";
import { completeCheck, cards, guangdong } from "./flow.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

// A worker from Guangdong: only national protections and channels apply.
test("a broken share link is said plainly, never echoed, and ignored", async () => {
  const page = await phone(ctx);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    d.dismiss();
  });
  for (const fragment of ["#v1;tuopin=maybe", "#<img src=x onerror=alert(1)>", "#v9;age=3", "#" + "v1;".repeat(3000), "#2.<img src=x onerror=alert(1)>", "#2.AQID", "#unknown answer 'date'"]) {
    await page.goto("about:blank"); // a fragment-only change would not reload the page
    await open(page, ctx.base, fragment);
    assert.equal(await page.textContent("[data-testid=notice] span"), "这个链接打不开，请让对方重新分享。");
    assert.equal(await page.$("img"), null, "no markup from the link");
    assert.doesNotMatch(await page.textContent("body"), /img src|tuopin|unknown|v9|date'/, "nothing of the link is echoed");
    assert.ok(await page.$("[data-testid=question]"), "the check still works");
    assert.equal(await page.evaluate(() => location.hash), "", "the bad fragment is removed");
  }
  assert.equal(dialogs, 0, "nothing in a fragment runs");
  clean(page);
});

test("broken stored answers are said plainly, removed and ignored", async () => {
  const page = await phone(ctx);
  await open(page, ctx.base);
  await page.evaluate(() => localStorage.setItem("wugong.answers.v1", "v1;home_region=99;{}"));
  await page.reload();
  await page.waitForSelector("[data-testid=notice]");
  const notice = await page.textContent("[data-testid=notice]");
  assert.match(notice, /手机上保存的回答读不出来，已经清除/);
  assert.doesNotMatch(notice, /home_region|99|\{/);
  assert.equal(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), null);
  assert.ok(await page.$("[data-testid=question]"));
  clean(page);
});

test("answers are kept on reload and a share link reopens the same results", async () => {
  const page = await phone(ctx);
  await completeCheck(page, ctx.base, guangdong);
  const before = await cards(page);
  assert.ok(Object.keys(before).length > 0);
  // Stored compactly, not as readable labels.
  const stored = await page.evaluate(() => localStorage.getItem("wugong.answers.v1"));
  assert.match(stored, /^2\.[A-Za-z0-9_-]+$/);
  await page.reload();
  await page.waitForSelector("[data-testid=results]");
  assert.deepEqual(await cards(page), before, "same results after reload");

  await page.click("[data-testid=share]");
  const link = await page.inputValue("[data-testid=share-link]");
  assert.match(link, /#2\.[A-Za-z0-9_-]+$/, "compact, not readable labels");
  assert.doesNotMatch(link, /home_region|problem_|=1/);
  assert.match(await page.textContent(".share-box"), /链接里有你的回答/, "the share screen says whose data it is");
  // A fresh phone: no storage, only the link.
  const other = await phone(ctx);
  await other.goto(link);
  await other.waitForSelector("[data-testid=results]");
  // A result is for a date (issue 14): the link of 2026-11-23 is worked out for today,
  // says the day it was shared, and goes back to that day with one tap.
  const today = await other.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; });
  assert.match(await other.textContent("[data-testid=shared]"), /2026-11-23 分享的结果，现在按今天算/);
  assert.match(await other.textContent("[data-testid=as-of]"), new RegExp(today));
  await other.click("[data-testid=shared-day]");
  await other.waitForFunction(() => /2026-11-23/.test(document.querySelector("[data-testid=as-of]").textContent));
  assert.deepEqual(await cards(other), before, "the link carries the answers");
  clean(page);
  clean(other);
});

test("clear my answers forgets everything, here and in storage", async () => {
  const page = await phone(ctx);
  await completeCheck(page, ctx.base, guangdong);
  await page.click("[data-testid=clear]");
  await page.click("[data-testid=clear]"); // confirm
  await page.waitForSelector("[data-question=Home]");
  assert.equal(await page.evaluate(() => localStorage.getItem("wugong.answers.v1")), null);
  await page.reload();
  await page.waitForSelector("[data-question=Home]");
  clean(page);
});

async function noSideScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${what}: page is ${scroll}px wide in a ${width}px screen`);
}

test("320px wide, at normal and at 200% text: no sideways scrolling", async () => {
  const page = await phone(ctx, { width: 320, height: 640 });
  await open(page, ctx.base);
  await noSideScroll(page, "first question");
  for (let i = 0; i < 4; i++) await page.click("[data-testid=text-larger]");
  assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), "200%");
  await noSideScroll(page, "first question at 200%");
  await completeCheck(page, ctx.base, guangdong);
  await noSideScroll(page, "results at 200%");
  // Tap targets stay large.
  const small = await page.$$eval("button, a.call", (els) => els.filter((e) => e.offsetParent && e.getBoundingClientRect().height < 44).map((e) => e.textContent));
  assert.deepEqual(small, [], "buttons under 44px tall");
  clean(page);
});

test("the interface switches to English and back", async () => {
  const page = await phone(ctx);
  await open(page, ctx.base);
  await page.click("[data-testid=lang]");
  assert.match(await page.textContent("h1"), /Where is your household registered/);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.click("[data-testid=lang]");
  assert.match(await page.textContent("h1"), /户口/);
  clean(page);
});

test("programme texts in English come in their own file, only for English readers", async () => {
  const page = await phone(ctx);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await completeCheck(page, ctx.base, guangdong);
  const card = "[data-measure=hotlines-12333]";
  assert.equal(await page.$(`${card} .gloss`), null, "no English in Chinese");
  assert.ok(!fetched.some((p) => /rules-en-/.test(p)), "Chinese readers do not download the English texts");
  await page.click("[data-testid=lang]");
  await page.waitForSelector(`${card} .gloss`, { state: "attached" });
  assert.match(await page.textContent(`${card} .gloss`), /[A-Za-z]{4,}/);
  assert.match(await page.textContent(`${card} .summary`), /[A-Za-z]{4,}/);
  assert.ok(fetched.some((p) => /rules-en-[0-9a-f]+\.bin$/.test(p)));
  clean(page);
});

test("prefecture names: the Chinese come with the rules, the English only with the English texts", async () => {
  const page = await phone(ctx);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await open(page, ctx.base);
  await page.click("[data-testid=region-53]");
  await page.waitForSelector("[data-testid=region-5303]");
  assert.equal((await page.textContent("[data-testid=region-5303]")).trim(), "曲靖市");
  assert.ok(!fetched.some((p) => /rules-en-/.test(p)), "Chinese readers do not download the English names");
  await page.click("[data-testid=lang]");
  await page.waitForFunction(() => document.querySelector("[data-testid=region-5303]")?.textContent.trim() === "Qujing");
  assert.ok(fetched.some((p) => /rules-en-[0-9a-f]+\.bin$/.test(p)));
  clean(page);
});

test("check another date re-evaluates on that date", async () => {
  const page = await phone(ctx);
  await completeCheck(page, ctx.base, guangdong);
  await page.click("[data-testid=as-of-control] summary");
  // After the dispute (2026-10-10): a date before it is refused (tests/e2e/gate.test.mjs).
  await page.fill("[data-testid=as-of-input]", "2026-10-20");
  await page.click("[data-testid=as-of-apply]");
  assert.match(await page.textContent("[data-testid=as-of]"), /2026-10-20/);
  clean(page);
});

test("an impossible answer is refused on its screen with a plain message; the screen stays", async () => {
  const page = await phone(ctx);
  // The Guangdong worker, asked on 2026-11-23, types a dispute date after it.
  const persona = {
    ...guangdong,
    answers: { ...guangdong.answers, DisputeDate: undefined },
  };
  await open(page, ctx.base, "?date=" + persona.asOf);
  for (let i = 0; i < 40 && (await currentQuestion(page)) !== "DisputeDate"; i++) {
    const q = await currentQuestion(page);
    assert.ok(q !== null, "the dispute date was never asked");
    const a = persona.answers[q] ?? "skip";
    const step = await page.getAttribute("[data-testid=question]", "data-step");
    await answer(page, a.region ? { region: a.region } : a);
    await page.waitForFunction(
      (before) => {
        const el = document.querySelector("[data-testid=question]");
        return !el || el.getAttribute("data-step") !== before;
      },
      step,
    );
  }
  await answer(page, { value: "2026-12-01" });
  const message = await page.textContent("[data-testid=input-error]");
  assert.match(message, /2026-12-01/);
  assert.match(message, /还没到/);
  assert.equal(await currentQuestion(page), "DisputeDate");
  await answer(page, { value: "2026-10-10" });
  await page.waitForFunction(() => document.querySelector("[data-testid=question]")?.getAttribute("data-question") !== "DisputeDate");
  clean(page);
});

test("read-aloud buttons hide where speech is not available", async () => {
  const page = await phone(ctx);
  await page.addInitScript(() => {
    delete window.speechSynthesis;
    delete window.SpeechSynthesisUtterance;
  });
  await open(page, ctx.base);
  assert.equal(await page.$("[data-testid=speak]"), null);
  const speaking = await phone(ctx);
  await open(speaking, ctx.base);
  assert.ok(await speaking.$("[data-testid=speak]"), "shown where speech exists");
});

test("axe finds no serious or critical accessibility problems", async () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const page = await phone(ctx);
  const scan = async (what) => {
    await page.evaluate(axeSource); // evaluated by the test driver, not by the page
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], what);
  };
  await open(page, ctx.base);
  await scan("first question");
  await completeCheck(page, ctx.base, guangdong);
  await page.$$eval("details", (ds) => ds.forEach((d) => (d.open = true)));
  await scan("results, all sections open");
  clean(page);
});

test("embedded in an office's page: region and language preselected, no header, height posted", async () => {
  const page = await phone(ctx);
  let src = "";
  // The office's page, on its own origin, with the listener from the README snippet.
  const office = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><script>window.heights = []; addEventListener("message", (e) => {
      if (e.data && e.data.type === "wugong-height") { heights.push(e.data.height); document.getElementById("w").style.height = e.data.height + "px"; } });</script>
      <iframe id="w" src="${src}" style="width:100%;height:300px;border:0" title="务工自查"></iframe>`);
  });
  await new Promise((ok) => office.listen(0, "127.0.0.1", ok));
  after(() => office.close());
  // The office has listed its origin (frame-ancestors; docs/deploy.md).
  const officeOrigin = `http://127.0.0.1:${office.address().port}`;
  const widget = await serve(DIST, 0, "127.0.0.1", { frameAncestors: officeOrigin });
  after(() => new Promise((ok) => widget.close(ok)));
  src = `http://127.0.0.1:${widget.address().port}/?region=530326&lang=zh&embed=1`;
  await page.goto(`${officeOrigin}/`);
  const frame = await (await page.waitForSelector("#w")).contentFrame();
  await frame.waitForSelector("[data-testid=question]");
  assert.equal(await frame.$("header.top"), null, "no header when embedded");
  assert.notEqual(await frame.getAttribute("[data-testid=question]", "data-question"), "Home", "home region came from ?region=");
  await page.waitForFunction(() => window.heights.length > 0);
  const h = await page.evaluate(() => window.heights.at(-1));
  assert.ok(h > 300, `posted height ${h}`);
  // Nothing stored before a tap inside the frame; the first answer is kept.
  assert.equal(await frame.evaluate(() => localStorage.length), 0);
  await frame.click("[data-testid=skip]");
  await frame.waitForFunction(() => localStorage.getItem("wugong.answers.v1") !== null);
});

test("in an office's frame: each new question is scrolled into view of the page, and a shorter screen gets a shorter frame", async () => {
  const page = await phone(ctx);
  let src = "";
  // The office's page: its own text above the frame, then the frame, resized by the
  // README snippet's listener.
  const office = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><body style="margin:0"><script>window.heights = []; addEventListener("message", (e) => {
      if (e.data && e.data.type === "wugong-height") { heights.push(e.data.height); document.getElementById("w").style.height = e.data.height + "px"; } });</script>
      <div style="height:1500px">办事指南</div>
      <iframe id="w" src="${src}" style="width:100%;height:300px;border:0;display:block" title="务工自查"></iframe></body>`);
  });
  await new Promise((ok) => office.listen(0, "127.0.0.1", ok));
  after(() => office.close());
  const officeOrigin = `http://127.0.0.1:${office.address().port}`;
  const widget = await serve(DIST, 0, "127.0.0.1", { frameAncestors: officeOrigin });
  after(() => new Promise((ok) => widget.close(ok)));
  src = `http://127.0.0.1:${widget.address().port}/?embed=1&lang=zh`;
  await page.goto(`${officeOrigin}/`);
  const frame = await (await page.waitForSelector("#w")).contentFrame();
  await frame.waitForSelector(".app[data-rules=ready] [data-testid=region-44]");
  await page.waitForFunction(() => window.heights.length > 0 && parseInt(document.getElementById("w").style.height) > 300);
  assert.equal(await page.evaluate(() => scrollY), 0, "the office's page does not jump on load");
  const provinces = await page.evaluate(() => window.heights.at(-1));
  // The content's height, not the frame's: the frame has no scroll bar of its own.
  assert.ok(Math.abs(provinces - (await frame.evaluate(() => document.documentElement.offsetHeight))) <= 1);
  await frame.click("[data-testid=region-44]");
  await frame.waitForFunction(() => document.querySelector("[data-testid=question]")?.dataset.question !== "Home");
  const shown = async () => {
    const top = await page.evaluate(() => document.getElementById("w").getBoundingClientRect().top);
    const title = await frame.evaluate(() => document.getElementById("q-title").getBoundingClientRect().top);
    return top + title;
  };
  await page.waitForFunction(() => window.heights.at(-1) !== undefined);
  // Shorter than the provinces' list: the frame shrinks.
  await page.waitForFunction((h) => window.heights.at(-1) < h, provinces, { timeout: 5000 }).catch(() => {});
  const now = await page.evaluate(() => window.heights.at(-1));
  assert.ok(now < provinces, `posted ${now} after ${provinces}`);
  await page.waitForFunction((h) => document.getElementById("w").getBoundingClientRect().height === h, now);
  const y = await shown();
  assert.ok(y >= 0 && y < 640, `the new question is in view of the office's page: its top at ${y}`);
  assert.deepEqual(page.problems.filter((p) => !/speech/i.test(p)), [], "console errors");
});

test("a browser without usable WebAssembly gets a clear message and the hotlines, not a blank page", async () => {
  const page = await phone(ctx);
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=unsupported]");
  const text = await page.textContent("[data-testid=unsupported]");
  assert.match(text, /更新到最新版|在浏览器打开/);
  const calls = await page.$$eval("a[href^='tel:']", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(calls.includes("tel:12333") && calls.includes("tel:010-12351"));
  // The plain page made at build time from the same policies.
  await page.click("[data-testid=fallback-link]");
  await page.waitForSelector("[data-testid=static-page]");
  const all = await page.textContent("[data-testid=static-page]");
  assert.match(all, /脱贫人口到外省打工：一次性交通补助，最多1000元 每年最多1000元[\s\S]*已于 2025-12-31 结束[\s\S]*云人社通〔2021〕49号/);
  assert.match(all, /免予核查经济困难状况/);
  assert.match(all, /申请劳动仲裁的法定期限/);
  const staticCalls = await page.$$eval("a[href^='tel:']", (as) => as.map((a) => a.getAttribute("href")));
  for (const tel of ["tel:12333", "tel:12348", "tel:010-12351", "tel:12345", "tel:12315"]) assert.ok(staticCalls.includes(tel), tel);
});

test("a failed download of the app says so at once, with a retry and the hotlines", async () => {
  // As when WeChat shows a stale cached page whose files are gone from the server.
  const page = await phone(ctx, { serviceWorkers: "block" });
  let fail = true;
  await page.route(/_bg\.wasm$/, (route) => (fail ? route.fulfill({ status: 404, body: "not found" }) : route.continue()));
  await page.goto(ctx.base);
  await page.waitForSelector("[data-testid=unsupported]", { timeout: 10000 });
  assert.match(await page.textContent("[data-testid=unsupported]"), /没加载出来/);
  assert.ok(await page.$("[data-testid=unsupported] a[href='tel:12333']"));
  fail = false;
  await page.click("[data-testid=reload]");
  await page.waitForSelector("[data-testid=question]");
  assert.deepEqual(page.foreign, []);
});

test("each region level is a history entry: back on the city list shows the provinces, inside the widget", async () => {
  const page = await phone(ctx);
  await open(page, ctx.base);
  await page.waitForSelector(".app[data-rules=ready]");
  await page.click("[data-testid=region-53]");
  await page.waitForSelector("[data-testid=region-5303]");
  assert.equal(await currentQuestion(page), "Home");
  await page.goBack();
  await page.waitForSelector("[data-testid=region-53]");
  assert.ok(page.url().startsWith(ctx.base), `still in the widget: ${page.url()}`);
  assert.equal(await currentQuestion(page), "Home");
  assert.equal(await page.$("[data-testid=region-restart]"), null, "the provinces, not 云南's cities");
  // And forward: 云南's cities again.
  await page.goForward();
  await page.waitForSelector("[data-testid=region-5303]");
  clean(page);
});
