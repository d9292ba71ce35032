// The size budget of issue 4 (lowered by issue 18: docs/size.md), on the built dist/: sizes are deterministic, so this is a
// check, not a benchmark (timings are only measured, by bench-web/web.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { sizes, kb, FIRST_SCREEN_BUDGET } from "../../bench-web/size.mjs";

test(`the first screen downloads at most ${kb(FIRST_SCREEN_BUDGET)} gzip`, () => {
  const s = sizes("dist");
  assert.ok(s.firstScreen["index.html"] && Object.keys(s.firstScreen).some((f) => f.endsWith("_bg.wasm")), "dist/ has the page and its wasm");
  assert.ok(
    s.firstScreenTotal <= FIRST_SCREEN_BUDGET,
    `first screen is ${kb(s.firstScreenTotal)} (${JSON.stringify(s.firstScreen)}), budget ${kb(FIRST_SCREEN_BUDGET)}`,
  );
});

test("the rules are not in the first screen but in their own file", () => {
  const s = sizes("dist");
  assert.ok(s.rules > 20_000, `rules file is only ${kb(s.rules)}`);
  assert.ok(!Object.keys(s.firstScreen).some((f) => f.startsWith("rules-")));
});
