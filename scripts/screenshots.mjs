// Saves screenshots of the main screens at 360×640 into docs/screenshots/ (for the
// README). Run after scripts/build-web:  node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { start, stop, phone, open, answer } from "../tests/e2e/harness.mjs";
import { completeCheck } from "../tests/e2e/flow.mjs";
import { currentQuestion } from "../tests/e2e/harness.mjs";

const out = "docs/screenshots";
mkdirSync(out, { recursive: true });
const ctx = await start();
const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png` });

const huize = {
  asOf: "2024-06-01",
  answers: {
    Home: { region: ["53", "5303", "530326"] }, Groups: { checks: ["tuopin"] }, WorkPlace: { choice: "cross_province" },
    StableMonths: { value: 5 }, Ticket: { value: "420.50" }, Problems: "none", Situation: "none", Household: { choice: "rural" },
  },
};

let page = await phone(ctx);
await open(page, ctx.base, "?date=2024-06-01");
await shot(page, "1-first-question");
for (const code of ["53", "5303", "530326"]) {
  const b = await page.$(`[data-testid=region-${code}]`);
  if (b) await b.click();
  await page.waitForTimeout(100);
}
// Answer "none of these" until the groups screen comes up.
for (let i = 0; i < 5 && !(await page.$("[data-question=Groups]")); i++) {
  await answer(page, (await page.$("[data-testid=none]")) ? "none" : "skip");
  await page.waitForTimeout(150);
}
await page.check("[data-testid=check-tuopin]");
await shot(page, "2-groups");

page = await phone(ctx);
await completeCheck(page, ctx.base, huize);
await shot(page, "3-results");
await page.click("[data-testid=group-applynow] > summary");
await page.click("[data-measure=yrst-2021-49-transport] details summary");
await page.$eval("[data-measure=yrst-2021-49-transport]", (el) => el.scrollIntoView());
await shot(page, "4-card");

page = await phone(ctx);
await completeCheck(page, ctx.base, {
  asOf: "2026-11-23",
  answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_unpaid_wages"] }, Situation: { checks: ["unemployed"] }, Household: { choice: "rural" },
    DisputeDate: { value: "2026-08-15" }, StillEmployed: "no", JobEndDate: { value: "2026-09-30" } },
});
await page.$eval("[data-testid=timeline]", (el) => el.scrollIntoView());
await shot(page, "5-deadlines");
await page.click("[data-testid=group-contacts] > summary");
await page.$eval("[data-testid=group-contacts]", (el) => el.scrollIntoView());
await shot(page, "6-contacts");

page = await phone(ctx);
await completeCheck(page, ctx.base, { ...huize, asOf: "2026-11-23" });
await page.click("[data-testid=group-ended] > summary");
await page.$eval("[data-testid=group-ended]", (el) => el.scrollIntoView());
await shot(page, "7-ended");
await page.click("[data-testid=lang]");
await page.$eval("[data-testid=results]", (el) => el.scrollIntoView());
await shot(page, "8-english");

// What brought the worker (issue 17): the events screen, and two results that start from it.
page = await phone(ctx);
await open(page, ctx.base, "?date=2026-12-06");
await page.click("[data-testid=region-41]");
await page.waitForSelector("[data-question=Events], [data-question=Home]");
if ((await currentQuestion(page)) === "Home") await answer(page, "skip");
await page.waitForSelector("[data-question=Events]");
await page.check("[data-testid=check-event_injury]");
await shot(page, "9-events");

page = await phone(ctx);
await completeCheck(page, ctx.base, {
  asOf: "2026-12-06",
  answers: { Home: { region: ["41", "4101"] }, Events: { checks: ["event_injury"] }, InjuryDate: { value: "2026-11-20" }, StillEmployed: "yes",
    Situation: "none", Problems: { checks: ["problem_injury"] }, Household: { choice: "rural" }, Groups: "none" },
});
await shot(page, "10-result-injury");

page = await phone(ctx);
await completeCheck(page, ctx.base, {
  asOf: "2026-12-06",
  answers: { Home: { region: ["53", "5303", "530326"] }, Events: { checks: ["event_unpaid_wages"] }, DisputeDate: { value: "2026-10-15" },
    StillEmployed: "yes", Situation: "none", Problems: { checks: ["problem_unpaid_wages"] }, Household: { choice: "rural" },
    Groups: { checks: ["tuopin"] } },
});
await shot(page, "11-result-wages");

await stop(ctx);
console.log(`screenshots saved in ${out}/`);
