// Whole checks for typical people, as they would do them on a phone: the questions
// asked (each one that can change what they get, about a dozen at most), the cards shown
// (group, amount, status), the deadlines and the tap-to-call links.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, stop, phone } from "./harness.mjs";
import { completeCheck, cards, huize } from "./flow.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => stop(ctx));

async function check(persona) {
  const page = await phone(ctx);
  const asked = await completeCheck(page, ctx.base, persona);
  const shown = await cards(page);
  assert.deepEqual(page.foreign, [], "no request leaves the page's origin");
  assert.deepEqual(page.problems, [], "no errors in the console");
  return { page, asked, shown };
}

function card(shown, id) {
  assert.ok(shown[id], `card ${id} is shown`);
  return shown[id];
}

test("会泽 脱贫 worker in another province, 2024: the travel subsidy is current, up to 1000 a year", async () => {
  const { page, asked, shown } = await check(huize("2024-06-01"));
  assert.ok(asked.length <= 12, `asked ${asked.length} questions: ${asked}`);
  assert.equal(asked[0], "Home", "starts with the home region");
  const transport = card(shown, "yrst-2021-49-transport");
  assert.equal(transport.group, "applynow");
  assert.equal(transport.amount, "每年最多1000元");
  assert.match(transport.status, /有效期至 2025-12-31/);
  assert.match(transport.text, /云人社通〔2021〕49号/);
  // Protections and whom to call are always there.
  // 12333 with 曲靖's area code: her home is known (issue 16, facts l.92).
  assert.ok(card(shown, "hotlines-12333").calls.includes("tel:0874-12333"));
  assert.match(card(shown, "hotlines-12333").text, /曲靖市的12333，手机要加区号0874/);
  assert.equal(await page.$("[data-testid=not-covered]"), null, "Huize is covered");
});

test("the same worker in 2026: the subsidy shows as ended, with whom to ask", async () => {
  const { shown } = await check(huize("2026-11-23"));
  const transport = card(shown, "yrst-2021-49-transport");
  assert.equal(transport.group, "ended");
  assert.match(transport.status, /已于 2025-12-31 结束.*12333/);
});

test("忻州 脱贫 worker in another province, 2022: one-off travel subsidy up to 800", async () => {
  const { asked, shown } = await check({
    asOf: "2022-08-01",
    answers: {
      Home: { region: ["14", "1409"] },
      Groups: { checks: ["tuopin"] },
      WorkPlace: { choice: "cross_province" },
      Organised: "no",
      StableMonths: { value: 4 },
      Problems: "none",
      Situation: "none",
      Household: { choice: "rural" },
      OutworkSubsidyThisYear: "no",
    },
  });
  assert.ok(asked.length <= 12, `asked ${asked.length}: ${asked}`);
  const t = card(shown, "xinzhou-2022-plan-transport-cross-province");
  assert.equal(t.group, "applynow");
  assert.equal(t.amount, "最多800元（一次性）");
  assert.match(t.status, /有效期至 2022-12-31/);
  assert.equal(card(shown, "xinzhou-2022-plan-transport-organised-in-province").group, "notforyou");
});

test("忻州 脱贫 worker on an 8-day course, 2022: the card shows the rate, the days and the total", async () => {
  const { shown } = await check({
    asOf: "2022-07-15",
    answers: {
      Home: { region: ["14", "1409", "140926"] },
      Groups: { checks: ["tuopin"] },
      Situation: { checks: ["attended_training"] },
      TrainingDays: { value: 8 },
      Certificate: "yes",
      Problems: "none",
      Household: { choice: "rural" },
    },
  });
  const living = card(shown, "xinzhou-2022-plan-living-allowance");
  assert.equal(living.group, "applynow");
  // Never "120元 每天": 15 a day is the rate, 120 the total.
  assert.equal(living.amount, "每天15元 × 8天 = 120元");
});

test("unemployed woman of 45 in Kunming: unemployment registration and benefit, 12 months", async () => {
  const { asked, shown } = await check({
    asOf: "2023-03-01",
    answers: {
      Home: { region: ["53", "5301"] },
      Groups: "none",
      Problems: "none",
      Situation: { checks: ["unemployed", "registered_unemployed", "lost_job_involuntarily"] },
      UiPaid: { value: 3 },
      UnemployedMonths: { value: 7 },
      Age: { value: 45 },
      Sex: { choice: "female" },
      Household: { choice: "urban" },
    },
  });
  // 13 since the events screen follows the home region (issue 17; skipped here).
  assert.ok(asked.length <= 13, `asked ${asked.length}: ${asked}`);
  assert.equal(card(shown, "law-unemployment-insurance-benefit-12m").verdict, "eligible");
  assert.equal(card(shown, "law-unemployment-insurance-benefit-18m").group, "notforyou");
  assert.equal(card(shown, "yrsf-2022-57-unemployment-registration").group, "applynow");
});

const owedWages = {
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
};

test("worker owed wages who left the job: the deadlines, in order, with both arbitration dates", async () => {
  const { page, asked, shown } = await check(owedWages);
  assert.ok(asked.length <= 12, `asked ${asked.length}: ${asked}`);
  const timeline = await page.textContent("[data-testid=timeline]");
  // The legal limit first (a year after the job ended), then labour inspection (two years
  // from the violation); the 60-day date from 2026-08-15 has passed, so it is not shown.
  assert.match(await page.textContent("[data-testid=deadline-arbitration_limit]"), /2027-09-30 前可以申请劳动仲裁（法定期限1年，还有 311 天）/);
  assert.match(await page.textContent("[data-testid=deadline-labour_inspection]"), /2028-08-15/);
  assert.equal(await page.$("[data-testid=deadline-arbitration_safe]"), null, "a passed 60-day date is not a headline");
  assert.ok(timeline.indexOf("2027-09-30") < timeline.indexOf("2028-08-15"), "legal limit first");
  assert.doesNotMatch(timeline, /已过/);
  assert.equal(card(shown, "law-labour-dispute-arbitration-apply").group, "contacts");
  assert.ok(card(shown, "law-legal-aid-migrant-workers").text.includes("免予核查经济困难状况"));
});

test("worker from a province the documents do not cover: national protections, hotlines to tap", async () => {
  const { page, shown } = await check(owedWages);
  assert.match(await page.textContent("[data-testid=not-covered]"), /没有收录.*12333/);
  const calls = Object.values(shown).flatMap((c) => c.calls);
  for (const tel of ["tel:12333", "tel:010-12351", "tel:12348", "tel:12345"]) assert.ok(calls.includes(tel), `${tel} is a link`);
  assert.match(card(shown, "hotlines-12351").text, /区号/);
  // No local subsidy is offered to them.
  assert.ok(!Object.entries(shown).some(([id, c]) => c.group === "applynow" && /^(yrst|yrsf|xinzhou|qzbf|hrsf|yzbf|yn-)/.test(id)));
});

test("worker from a Henan city (an office's link names it): national results, 当地补贴请问12333, the city named from the regions file", async () => {
  const page = await phone(ctx);
  const henan = { ...owedWages, answers: { ...owedWages.answers, Home: "skip" } };
  const asked = await completeCheck(page, ctx.base, henan, { path: "?date=2026-11-23&region=4101" });
  const shown = await cards(page);
  assert.deepEqual(page.foreign, [], "no request leaves the page's origin");
  assert.deepEqual(page.problems, [], "no errors in the console");
  assert.ok(!asked.includes("Home"), `no need to ask the region again: ${asked}`);
  assert.ok(asked.length <= 12, `asked ${asked.length}: ${asked}`);
  assert.match(await page.textContent("[data-testid=not-covered]"), /云南省.*当地补贴请问.*12333/);
  assert.equal(card(shown, "law-labour-dispute-arbitration-apply").group, "contacts");
  assert.ok(!Object.entries(shown).some(([id, c]) => c.group === "applynow" && /^(yrst|yrsf|xinzhou|qzbf|hrsf|yzbf|yn-)/.test(id)));
  // The wasm carries the province's name; the city's comes with the regions file.
  await page.waitForFunction(() => /河南省 郑州市/.test(document.querySelector("[data-testid=my-answers]")?.textContent ?? ""));
});
