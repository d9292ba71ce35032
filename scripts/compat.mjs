// The oldest browsers the widget is built for, in one place: WeChat's Android kernels
// from Chrome 66 (tested in a real Chromium 66, tests/e2e/chromium66.test.mjs) and
// iOS / Safari 11 (built for, not tested here: see docs/deploy.md).
// Used by the build (scripts/post_build.mjs) and by its checks (tests/e2e/compat.test.mjs).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/**
 * esbuild's targets for every shipped script: the syntax Chrome 64 and Safari 11 parse.
 * Safari 11 parses all of ES2017; esbuild's own "safari11" target is not used because
 * its table counts Safari's destructuring as incomplete before Safari 14 and it cannot
 * lower destructuring, so it refuses wasm-bindgen's glue outright (which Safari 11 runs).
 */
export const JS_TARGETS = ["es2017", "chrome64"];
/** What the shipped scripts are checked against after the build (acorn's ecmaVersion). */
export const ECMA_VERSION = 2017;

/** Shipped scripts that are ES modules (the rest are classic scripts: detect.js, sw.js). */
export const isModule = (file) => /^(start|wugong-www)-.*\.js$/.test(file);

/**
 * Rewrites a script for the oldest browsers: syntax newer than the targets is lowered
 * (optional chaining, `??`, object spread, class fields…); a module's top-level `await`
 * cannot be, and fails the build. `import.meta` (Safari 11.1) becomes an empty object:
 * wasm-bindgen's glue only reads it when no wasm path is given, and Trunk gives one.
 */
export async function lower(text, file) {
  const esbuild = await import("esbuild").catch(() => {
    throw new Error("esbuild is missing: run scripts/setup (npm ci)");
  });
  const out = await esbuild.transform(text, {
    loader: "js",
    target: JS_TARGETS,
    format: isModule(file) ? "esm" : undefined,
    logLevel: "silent",
    sourcefile: file,
  });
  const unexpected = out.warnings.filter((w) => w.id !== "empty-import-meta");
  if (unexpected.length) throw new Error(`${file}: ${unexpected.map((w) => w.text).join("; ")}`);
  return out.code;
}

/** Throws (with file, line and column) if a script uses syntax newer than ES2017. */
export async function checkSyntax(text, file) {
  const acorn = await import("acorn");
  try {
    acorn.parse(text, { ecmaVersion: ECMA_VERSION, sourceType: isModule(file) ? "module" : "script" });
  } catch (e) {
    const near = e.pos !== undefined ? text.slice(Math.max(0, e.pos - 40), e.pos + 40) : "";
    throw new Error(`${file}: not ES${ECMA_VERSION} (Chrome 64 / Safari 11 would not run it): ${e.message} near ${JSON.stringify(near)}`);
  }
}

/** wasm-opt from scripts/setup (npm binaryen), else the one on PATH. */
export function wasmOpt() {
  const local = resolve(".tools/bin/wasm-opt");
  return existsSync(local) ? local : "wasm-opt";
}

/** Throws unless the module validates as WebAssembly 1.0 (MVP): what Chrome 57+ and Safari 11 run. */
export function checkMvp(wasmPath) {
  try {
    execFileSync(wasmOpt(), ["--mvp-features", wasmPath], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    const why = String(e.stderr ?? e.message).split("\n").slice(0, 12).join("\n");
    throw new Error(
      `${wasmPath} is not MVP WebAssembly (old browsers cannot compile it). Build with scripts/build-web; ` +
        `a RUSTFLAGS in the environment replaces the MVP flags of .cargo/config.toml:\n${why}`,
    );
  }
}
