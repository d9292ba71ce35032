// The rules studio (dist/studio/, issue 19), as a county clerk uses it: open a seed
// document from disk, break a field (the error names its line, in Chinese), fix it, run
// its cases, edit the sample worker and see the preview change, add a measure, reload
// without losing it, work offline, export the file and the upload folder — and the
// exported widget shows the new measure to a worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, stop, phone, clean, DIST } from "./harness.mjs";
import { completeCheck, cards, huize } from "./flow.mjs";
import { serve } from "../../scripts/server.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

const SEED = "policies/yrst-2021-49.toml";
const NEW_ID = "yrst-2021-49-studio-new";
const NEW_MEASURE = `
[[measure]]
id = "${NEW_ID}"
kind = "subsidy"
audience = "worker"
title = "工作台新增的务工补贴"
title_en = "A subsidy added in the studio"
summary = "脱贫人口外出务工，可以领一次300元。"
clause = "二（四）"
frequency = "one_off"
apply_where = "会泽县人社局一楼大厅"
apply_how = "带身份证去申请。"
materials = ["身份证"]
phones = [{ number = "0874-5123456" }]

[measure.amount]
fixed = "300"

[measure.when]
all = [{ fact = "tuopin", is = true }]
`;

/** A desk-sized page of the studio, ready. */
async function studio(page) {
  await page.goto(ctx.base + "studio/");
  await page.waitForSelector("body[data-ready]");
}

const lint = (page) => page.waitForSelector("[data-testid=lint-ok], [data-testid=lint-error]");

test("a clerk opens, breaks, fixes, checks, previews, keeps and exports a document; the exported widget shows it", async () => {
  const page = await phone(ctx, { width: 1280, height: 900, acceptDownloads: true });
  await studio(page);
  const seedText = readFileSync(SEED, "utf8");

  // Open the seed document and one of its cases from disk.
  const caseFile = execFileSync("grep", ["-l", "-r", "--include=*.toml", "\\[expect.yrst-2021-49-transport\\]", "tests/cases"], { encoding: "utf8" }).split("\n")[0];
  await page.setInputFiles("[data-testid=open-file]", [SEED, caseFile]);
  await page.waitForSelector("[data-testid=lint-ok]");
  assert.equal(await page.inputValue("[data-testid=doc-id]"), "yrst-2021-49");
  assert.equal(await page.inputValue("[data-testid=document]"), seedText);
  assert.match(await page.textContent("[data-testid=lint-ok]"), /云人社通〔2021〕49号/);

  // Break a field: the error names its line and column, the field, in Chinese.
  const broken = seedText.replace('fact = "tuopin"', 'fact = "tuopim"');
  assert.notEqual(broken, seedText);
  const line = broken.split("\n").findIndex((l) => l.includes("tuopim")) + 1;
  await page.fill("[data-testid=document]", broken);
  const error = await page.waitForSelector("[data-testid=lint-error]");
  assert.equal(await error.getAttribute("data-line"), String(line));
  const said = await error.textContent();
  assert.match(said, new RegExp(`^第 ${line} 行第 \\d+ 列`));
  assert.match(said, /字段「第\d+条措施（yrst-2021-49-[a-z-]+） › 条件 when/);
  assert.match(said, /没有这个情况名/);
  // A wrong type, too: its line.
  const typed = seedText.replace(/^valid_until = .*$/m, "valid_until = 2025");
  await page.fill("[data-testid=document]", typed);
  await page.waitForFunction(() => /截止日期/.test(document.querySelector("[data-testid=lint-error]")?.textContent ?? ""));
  const typedLine = typed.split("\n").findIndex((l) => l === "valid_until = 2025") + 1;
  assert.equal(await page.getAttribute("[data-testid=lint-error]", "data-line"), String(typedLine));

  // Fix it: no problem, the cases run and pass.
  await page.fill("[data-testid=document]", seedText);
  await page.waitForSelector("[data-testid=lint-ok]");
  await page.waitForSelector("[data-testid=case-result]");
  const opened = await page.$$eval("[data-testid=case-result]", (els) => els.map((e) => e.getAttribute("data-pass")));
  assert.deepEqual(opened, ["true"]);
  // The seed's own cases (built in), all passing; a wrong expectation fails, by name.
  await page.selectOption("[data-testid=seed]", "yrst-2021-49");
  await page.click("[data-testid=open-seed]");
  await page.waitForSelector("[data-testid=case-summary]");
  const seeded = await page.$$eval("[data-testid=case-result]", (els) => els.map((e) => e.getAttribute("data-pass")));
  assert.ok(seeded.length >= 2, `${seeded.length} cases`);
  assert.ok(seeded.every((p) => p === "true"), JSON.stringify(seeded));
  const cases = await page.inputValue("[data-testid=cases]");
  await page.fill("[data-testid=cases]", cases + `
[[case]]
who = "只干了1个月的人"
as_of = "2021-09-01"
[case.answers]
home_region = "530326"
tuopin = true
work_place = "cross_province"
stable_months = 1
[case.expect.yrst-2021-49-transport]
verdict = "eligible"
`);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=case-result][data-pass=false]").length === 1);
  assert.match(await page.textContent("[data-testid=case-result][data-pass=false]"), /只干了1个月的人[\s\S]*not_eligible/);
  await page.fill("[data-testid=cases]", cases);

  // The sample worker: eligible for the travel subsidy; not once he is not 脱贫.
  const transport = "[data-testid=preview] [data-measures~='yrst-2021-49-transport']";
  await page.waitForSelector(transport);
  assert.equal(await page.getAttribute(transport, "data-verdict"), "eligible");
  assert.ok(await page.$("[data-testid=preview] [data-testid=actions]"), "the things to do first");
  const worker = await page.inputValue("[data-testid=worker]");
  await page.fill("[data-testid=worker]", worker.replace("tuopin = true", "tuopin = false"));
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-verdict") === "not_eligible", transport);
  await page.fill("[data-testid=worker]", worker);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-verdict") === "eligible", transport);

  // A new measure: in the preview as the worker's card, and kept over a reload.
  await page.fill("[data-testid=document]", seedText + NEW_MEASURE);
  const card = await page.waitForSelector(`[data-testid=preview] [data-measures~='${NEW_ID}']`);
  assert.match(await card.textContent(), /工作台新增的务工补贴[\s\S]*300元/);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.inputValue("[data-testid=document]"), seedText + NEW_MEASURE);
  await page.waitForSelector(`[data-testid=preview] [data-measures~='${NEW_ID}']`);

  // Offline after the first load: the studio's worker serves it all.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true), null, { timeout: 15000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  await page.waitForSelector(`[data-testid=preview] [data-measures~='${NEW_ID}']`);

  // Export the document file, then the upload folder (still offline).
  const dir = mkdtempSync(join(tmpdir(), "studio-export-"));
  const [doc] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-document]")]);
  assert.equal(doc.suggestedFilename(), "yrst-2021-49.toml");
  await doc.saveAs(join(dir, "doc.toml"));
  assert.equal(readFileSync(join(dir, "doc.toml"), "utf8"), seedText + NEW_MEASURE);
  await page.fill("[data-testid=preset-region]", "530326");
  const [zip] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-folder]")]);
  assert.equal(zip.suggestedFilename(), "wugong-yrst-2021-49.zip");
  await zip.saveAs(join(dir, "site.zip"));
  await page.context().setOffline(false);
  clean(page);
  await page.context().close();

  execFileSync("unzip", ["-q", join(dir, "site.zip"), "-d", dir]);
  assert.ok(existsSync(join(dir, "上传说明.txt")));
  const site = join(dir, "wugong");
  // Its offline worker lists exactly its files, under a cache name of its own.
  const sw = readFileSync(join(site, "sw.js"), "utf8");
  const listed = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  assert.deepEqual(listed.sort(), ["./", ...readdirSync(site).filter((f) => f !== "sw.js").map((f) => "./" + f)].sort());
  assert.notEqual(sw.match(/const CACHE = "(wugong-[0-9a-f]+)"/)[1], readFileSync(join(DIST, "sw.js"), "utf8").match(/const CACHE = "(wugong-[0-9a-f]+)"/)[1]);
  // Its English file keeps the regions' English names (the build's own carries them; the
  // studio's wasm has only the provinces'), so an English reader's places are in English.
  const englishFile = readdirSync(site).find((f) => /^rules-en-[0-9a-f]{16}\.bin$/.test(f));
  // (Names no document's English mentions: only a region's entry carries them.)
  for (const name of ["Zhengzhou", "Harbin", "Lanzhou"]) {
    assert.ok(readFileSync(join(site, englishFile)).includes(name), `${name}, a prefecture's English name`);
  }
  const server = await serve(site, 0);
  try {
    const base = `http://127.0.0.1:${server.address().port}/`;
    const worker = await phone({ ...ctx, base });
    // No ?region= in the link: the folder presets 会泽, before anything is drawn, so
    // the home question written into the page is never shown.
    await worker.goto(base);
    assert.match(await worker.evaluate(() => location.search), /region=530326/);
    assert.equal(await worker.evaluate(() => document.documentElement.classList.contains("pre")), false);
    const asked = await completeCheck(worker, base, huize("2024-06-01"));
    assert.ok(!asked.includes("Home"), `the home region is preset: ${asked.join(", ")}`);
    const shown = await cards(worker);
    assert.ok(shown[NEW_ID], `the new measure's card: ${Object.keys(shown).join(" ")}`);
    assert.equal(shown[NEW_ID].verdict, "eligible");
    assert.match(shown[NEW_ID].text, /工作台新增的务工补贴/);
    assert.ok(shown["yrst-2021-49-transport"], "the document's other measures stay");
    clean(worker);
    await worker.context().close();
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

test("the studio starts from a template, and a worker's first screen is not the studio's", async () => {
  const page = await phone(ctx, { width: 1280, height: 900 });
  await studio(page);
  await page.click("[data-testid=template-box] summary");
  await page.fill("[data-field=t-id]", "hz-2026-1");
  await page.fill("[data-field=t-office]", "会泽县人力资源和社会保障局");
  await page.fill("[data-field=t-region]", "530326");
  await page.fill("[data-field=t-hotline]", "0874-5123456");
  await page.fill("[data-field=t-address]", "会泽县人社局一楼大厅");
  await page.click("[data-testid=new-from-template]");
  // The dates are the clerk's to write: the template asks for them.
  const error = await page.waitForSelector("[data-testid=lint-error]");
  assert.match(await error.textContent(), /^第 \d+ 行第 \d+ 列 · 字段「文件信息 document › 印发日期 issued」/);
  const text = await page.inputValue("[data-testid=document]");
  assert.match(text, /issuer = "会泽县人力资源和社会保障局"/);
  assert.match(text, /phones = \[\{ number = "0874-5123456" \}\]/);
  await page.fill("[data-testid=document]", text.replace(/^issued = .*$/m, 'issued = "2026-03-01"'));
  await page.waitForSelector("[data-testid=lint-ok]");
  clean(page);
  await page.context().close();
  // The worker's page loads nothing of the studio.
  const worker = await phone(ctx);
  const urls = [];
  worker.on("request", (r) => urls.push(r.url()));
  await worker.goto(ctx.base);
  await worker.waitForSelector("[data-testid=question]");
  assert.deepEqual(urls.filter((u) => u.includes("studio")), []);
  await worker.context().close();
});
