// The build, checked for the oldest browsers it is made for (WeChat's Chrome 66 kernels,
// iOS 11; scripts/compat.mjs): MVP WebAssembly, ES2017 JavaScript with no top-level
// await, ES5 in the feature check, CSS that the browserslist floor lays out, and
// integrity hashes that still describe the rewritten files. No browser needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as acorn from "acorn";
import stylelint from "stylelint";
import { checkMvp, checkSyntax } from "../../scripts/compat.mjs";
import { DIST } from "./harness.mjs";

const files = readdirSync(DIST);

test("the WebAssembly validates as WebAssembly 1.0 (MVP), which Chrome 57+ and Safari 11 compile", () => {
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  assert.ok(wasm.length > 0, "dist/ has a wasm file");
  for (const f of wasm) checkMvp(join(DIST, f));
});

test("the MVP check refuses a module that uses reference types (what rustc emits by default)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wugong-mvp-"));
  // One function: ref.null extern; drop.
  writeFileSync(join(dir, "rt.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 111, 26, 11]));
  assert.throws(() => checkMvp(join(dir, "rt.wasm")), /not MVP WebAssembly[\s\S]*reference-types/);
});

test("every shipped script parses as ES2017 (Chrome 64, Safari 11): no ?., ??, top-level await, import.meta", async () => {
  const scripts = files.filter((f) => f.endsWith(".js"));
  assert.ok(scripts.some((f) => f.startsWith("start-")) && scripts.some((f) => f.startsWith("wugong-www-")) && scripts.includes("sw.js"));
  for (const f of scripts) await checkSyntax(readFileSync(join(DIST, f), "utf8"), f);
});

test("the feature check is ES5, so that every browser runs it and can say it is too old", () => {
  acorn.parse(readFileSync(join(DIST, "detect.js"), "utf8"), { ecmaVersion: 5 });
});

test("the checker refuses what Chrome 66 cannot parse", async () => {
  await assert.rejects(checkSyntax("const a = b?.c;", "start-x.js"), /not ES2017/);
  await assert.rejects(checkSyntax("await init();", "start-x.js"), /not ES2017/);
  await assert.rejects(checkSyntax("const u = import.meta.url;", "wugong-www-x.js"), /not ES2017/);
  await checkSyntax("(async () => { await init(); })();", "start-x.js");
});

test("the CSS uses nothing Chrome 66 or iOS 11 lacks without a fallback (stylelint, browserslist in package.json)", async () => {
  const css = files.filter((f) => /^style-.*\.css$/.test(f)).map((f) => join(DIST, f));
  assert.equal(css.length, 1);
  // The source, with its notes on each newer feature and its fallback…
  const { results } = await stylelint.lint({ files: ["www/style.css"] });
  const problems = results.flatMap((r) => r.warnings.map((w) => `${r.source}:${w.line}: ${w.text}`));
  assert.deepEqual(problems, []);
  // …and the file as shipped: the minifier (Trunk's lightningcss) merges rules and drops
  // what it takes for overridden declarations, so the fallbacks are checked after it.
  const shipped = readFileSync(css[0], "utf8");
  assert.doesNotMatch(shipped, /[{;]gap:/, "no flex gap (Chrome 84)");
  for (const kept of ["grid-gap:", "minmax(8rem,1fr)", "word-break:break-word", "button:focus,"]) assert.ok(shipped.includes(kept), `${kept} survives minification`);
  for (const rule of shipped.match(/[^{}]*\{[^{}]*min\(100%[^}]*\}/g) ?? []) assert.ok(/@supports[^{]*min\(/.test(shipped), `min() only under @supports: ${rule}`);
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  assert.deepEqual(pkg.browserslist, ["chrome >= 66", "ios_saf >= 11"]);
});

test("index.html's integrity hashes describe the files as shipped (after the rewrite for old browsers)", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const tags = html.match(/<link[^>]*integrity[^>]*>/g) ?? [];
  assert.ok(tags.length >= 2, "Trunk's preloads carry integrity hashes");
  for (const tag of tags) {
    const file = tag.match(/href="?\.?\/?([^" >]+)/)[1];
    const sri = tag.match(/integrity="?(sha384-[A-Za-z0-9+/=]+)/)[1];
    assert.equal(sri, "sha384-" + createHash("sha384").update(readFileSync(join(DIST, file))).digest("base64"), file);
  }
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
});
