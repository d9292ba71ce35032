// Completes a check the way a worker would: answer whatever the widget asks, from a
// persona's answers; anything the persona has no answer for is "I don't know".
import { answer, currentQuestion, open } from "./harness.mjs";

/// Region picks are made one level at a time; the widget asks for a finer level only
/// when a result depends on it.
async function pickRegion(page, codes) {
  for (const code of codes) {
    const button = await page.$(`[data-testid=region-${code}]`);
    if (!button) break;
    await button.click();
    await page.waitForSelector("[data-testid=question], [data-testid=results]");
  }
}

/// A worker in Guangdong (no local documents) owed wages, still employed.
export const guangdong = {
  asOf: "2026-11-23",
  answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_unpaid_wages"] }, StillEmployed: "yes", DisputeDate: { value: "2026-10-10" } },
};

/// A 脱贫 worker from 会泽 (Yunnan) working in another province, on the given date.
export const huize = (asOf) => ({
  asOf,
  answers: {
    Home: { region: ["53", "5303", "530326"] },
    Groups: { checks: ["tuopin"] },
    WorkPlace: { choice: "cross_province" },
    StableMonths: { value: 5 },
    Ticket: { value: "420.50" },
    Problems: "none",
    Situation: "none",
    Household: { choice: "rural" },
    Age: { value: 34 },
    Sex: { choice: "male" },
    CanLeaveHome: "yes",
    // Issue 16: has not had this year's going-out subsidy yet.
    OutworkSubsidyThisYear: "no",
  },
});

/// Waits until the screen whose `data-step` was `step` has given way to another (or to
/// the results).
export async function nextScreen(page, step) {
  await page.waitForFunction(
    (before) => {
      const el = document.querySelector("[data-testid=question]");
      return !el || el.getAttribute("data-step") !== before;
    },
    step,
    { timeout: 5000 },
  );
}

/// Returns the questions asked, in order.
export async function completeCheck(page, base, persona, { path = "?date=" + persona.asOf } = {}) {
  await open(page, base, path);
  const asked = [];
  for (let i = 0; i < 40; i++) {
    const q = await currentQuestion(page);
    if (q === null) return asked;
    asked.push(q);
    const a = persona.answers[q] ?? "skip";
    const step = await page.getAttribute("[data-testid=question]", "data-step");
    if (a.region) {
      await pickRegion(page, a.region);
      if ((await currentQuestion(page)) === "Home") await answer(page, "skip");
    } else {
      await answer(page, a);
    }
    // Each answer moves to another screen: wait for it.
    await nextScreen(page, step);
  }
  throw new Error(`no results after 40 questions: ${asked.join(", ")}`);
}

/// The cards on the results page: measure id → { group, verdict, amount, status, text }.
/// A card for one benefit from several documents is listed under each measure id; an
/// ended programme is a line of the ended list (group "ended", its line as status).
export async function cards(page) {
  // (No flatMap: the old-phone tests run this in Chromium 66.)
  const shown = await page.$$eval("[data-testid=card]", (els) =>
    [].concat(...els.map((el) => {
      const card = {
        group: el.closest("[data-testid^=group-]")?.getAttribute("data-testid").slice(6),
        verdict: el.getAttribute("data-verdict"),
        amount: el.querySelector("[data-testid=amount]")?.textContent ?? null,
        status: el.querySelector("[data-testid=status]")?.textContent ?? "",
        calls: [...el.querySelectorAll("a[href^='tel:']")].map((a) => a.getAttribute("href")),
        text: el.textContent,
      };
      return (el.getAttribute("data-measures") || el.getAttribute("data-measure")).split(" ").map((id) => [id, card]);
    })),
  );
  const ended = await page.$$eval("[data-testid=ended-item]", (els) =>
    els.map((el) => [el.getAttribute("data-measure"), { group: "ended", verdict: null, amount: el.querySelector(".a") ? el.querySelector(".a").textContent : null, status: el.textContent, calls: [], text: el.textContent }]),
  );
  return Object.fromEntries([...shown, ...ended]);
}
