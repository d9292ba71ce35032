// Issue 14 / review D4: every answer passes one gate, whichever door it comes through.
// A share link, the address's ?date= and the other-date box are checked like the
// question screen: what cannot be true on the date is said in plain words and left out,
// and the rest of the link still opens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, phone, open, clean } from "./harness.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

const notice = (page) => page.textContent("[data-testid=notice] span");

// No count of days beyond a few years ("还有 63242 天" came from a date of 2200).
const noAbsurdCount = (text) => assert.doesNotMatch(text, /还有 ?\d{4,} ?天/);

test("a share link with a future injury date opens without it, and says so", async () => {
  const page = await phone(ctx);
  // From the review (row 106): 广东, injured, injury date 9999-12-31, no date of its own.
  for (const link of ["#2.AAACNDQpATCPTgwfD84", "#v1;home_region=44;problem_injury=1;injury_date=2199-12-31"]) {
    await page.goto("about:blank");
    await open(page, ctx.base, link);
    await page.waitForSelector("[data-testid=results]");
    const said = await notice(page);
    assert.match(said, /还没到/);
    assert.match(said, /这一项没有用上。$/);
    // Named by its label, which the wasm does not carry: the notice is written once
    // the labels have arrived with the rules (docs/size.md).
    assert.match(said, /^“受伤或确诊职业病的日期”填了(9999|2199)-12-31，/);
    assert.doesNotMatch(said, /injury_date|_/, "no identifier");
    const body = await page.textContent("body");
    noAbsurdCount(body);
    assert.doesNotMatch(body, /9999-12-31 前|2199-12-31 前|2200-/);
    // The rest opened: the injured worker from 广东 sees the injury channels.
    assert.match(body, /工伤/);
    assert.equal(await page.evaluate(() => location.hash), "");
  }
  clean(page);
});

test("in English, and from the stored answers, the notice names the answer by its label", async () => {
  const page = await phone(ctx);
  // English: the label comes with the English file, after the rules.
  await open(page, ctx.base, "?lang=en#v1;home_region=44;problem_injury=1;injury_date=2199-12-31");
  await page.waitForSelector("[data-testid=results]");
  assert.match(
    await notice(page),
    /^date of the injury or diagnosis: 2199-12-31 is after \d{4}-\d{2}-\d{2}, so it has not happened yet\. .*That answer was left out\.$/,
  );
  // The stored answers pass the same gate, before the rules arrive.
  await page.goto("about:blank");
  await open(page, ctx.base);
  await page.evaluate(() =>
    localStorage.setItem("wugong.answers.v1", "v1;home_region=44;problem_injury=1;injury_date=2199-12-31;age=30"),
  );
  await page.goto("about:blank");
  await open(page, ctx.base);
  await page.waitForSelector("[data-testid=notice]");
  assert.match(await notice(page), /^“受伤或确诊职业病的日期”填了2199-12-31，.*还没到.*这一项没有用上。$/);
  assert.doesNotMatch(await page.textContent("body"), /injury_date/);
  clean(page);
});

test("a share link dated 9999-12-31 is worked out for today, and says so", async () => {
  const page = await phone(ctx);
  await open(page, ctx.base, "#2.AY9ODB8AAjQ0OXU");
  await page.waitForSelector("[data-testid=results]");
  assert.equal(await notice(page), "查看日期要是1950-01-01到2100-12-31之间的一天，9999-12-31没有用上。");
  assert.doesNotMatch(await page.textContent("[data-testid=as-of]"), /9999/);
  noAbsurdCount(await page.textContent("body"));
  clean(page);
});

test("?date= outside 1950–2100 is refused in plain words and today is used", async () => {
  const page = await phone(ctx);
  for (const date of ["9999-12-31", "2150-01-01", "0000-01-01"]) {
    await page.goto("about:blank");
    await open(page, ctx.base, `?date=${date}`);
    assert.equal(await notice(page), `查看日期要是1950-01-01到2100-12-31之间的一天，${date}没有用上。`);
    assert.ok(await page.$("[data-testid=question]"), "the check still works");
  }
  clean(page);
});

test("a refused ?date= is said even when the rules file never arrives", async () => {
  const page = await phone(ctx, { serviceWorkers: "block" });
  await page.route(/rules-[0-9a-f]+\.bin/, (route) => route.abort());
  await open(page, ctx.base, "?date=2150-01-01");
  assert.equal(await notice(page), "查看日期要是1950-01-01到2100-12-31之间的一天，2150-01-01没有用上。");
  await page.context().close();
});

test("the other-date box refuses a date before an answer's event; the answer stays", async () => {
  const page = await phone(ctx);
  await open(page, ctx.base, "#v1;home_region=44;problem_injury=1;injury_date=2020-03-01");
  await page.waitForSelector("[data-testid=results]");
  const asOf = await page.textContent("[data-testid=as-of]");
  await page.click("[data-testid=as-of-control] summary");
  await page.fill("[data-testid=as-of-input]", "2019-01-01");
  await page.click("[data-testid=as-of-apply]");
  await page.waitForSelector("[data-testid=notice]");
  const said = await notice(page);
  assert.match(said, /2020-03-01.*还没到.*这个日期没有用上。$/);
  assert.equal(await page.textContent("[data-testid=as-of]"), asOf, "the date was not used");
  await page.fill("[data-testid=as-of-input]", "9999-12-31");
  await page.click("[data-testid=as-of-apply]");
  await page.waitForFunction(() => /9999-12-31没有用上/.test(document.querySelector("[data-testid=notice]")?.textContent ?? ""));
  assert.equal(await page.textContent("[data-testid=as-of]"), asOf);
  // A date after the injury is used.
  await page.fill("[data-testid=as-of-input]", "2021-06-01");
  await page.click("[data-testid=as-of-apply]");
  await page.waitForFunction(() => /2021-06-01/.test(document.querySelector("[data-testid=as-of]")?.textContent ?? ""));
  clean(page);
});
