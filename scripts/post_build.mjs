// Trunk post_build hook, run on the finished files before they replace dist/:
// 1. writes the rules file (the checked policies, packed by the native engine) under a
//    hashed name, named in index.html by <meta name="wugong-rules">: the widget fetches
//    it while the first question is on screen, so it is not in the first load;
// 2. moves Trunk's inline start-up script into a hashed file (no 'unsafe-inline' needed),
//    adding the service-worker registration to it;
// 3. rewrites every shipped script for old phones (WeChat's Chrome 66 kernels, iOS 11:
//    scripts/compat.mjs) and minifies it (Trunk leaves wasm-bindgen's glue as written),
//    updating the integrity hashes Trunk put in index.html; checks that the wasm is MVP
//    WebAssembly (made so by scripts/build-web and the wasm-opt passes in index.html);
// 4. writes fallback.html: every rule as plain HTML, made by the native engine from the
//    same policies, for phones that cannot run the widget;
// 5. writes sw.js, which precaches exactly the files of this build (the list is made
//    here, never by hand) under a cache named after their content.
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { lower, checkSyntax, checkMvp, isModule } from "./compat.mjs";

/** Minified JavaScript, or the text as it was (with a warning) if terser is missing. */
async function minified(text, isModule, ecma = 2017) {
  let terser;
  try {
    terser = await import("terser");
  } catch {
    console.warn("post_build: terser not installed (run npm ci): JavaScript left unminified");
    return text;
  }
  // ecma: terser adds no newer syntax; safari10: works around Safari 10/11 bugs.
  const out = await terser.minify(text, { module: isModule, ecma, safari10: true, compress: true, mangle: true });
  return out.code;
}

/** A script as shipped: lowered to the oldest browsers' syntax, minified, checked. */
async function shipped(text, file, { minify = true } = {}) {
  const low = await lower(text, file);
  // detect.js stays ES5: it must run in any browser, to say that it is too old.
  const code = minify ? await minified(low, isModule(file), file === "detect.js" ? 5 : 2017) : low;
  await checkSyntax(code, file);
  return code;
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post_build.mjs must run as a Trunk hook (TRUNK_STAGING_DIR unset)");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// The English titles and summaries are a file of their own (rules-en-…), fetched only
// when someone switches to English.
// The names of the regions below province level (regions-…) come with the rules: the
// wasm carries only the provinces' (policies/data/regions.toml).
const packed = { rules: join(dir, "rules.tmp"), "rules-en": join(dir, "rules-en.tmp"), regions: join(dir, "regions.tmp") };
execFileSync("cargo", ["run", "--quiet", "--bin", "selfcheck", "--", "pack", "--out", packed.rules, "--english-out", packed["rules-en"], "--regions-out", packed.regions], { stdio: "inherit" });
if (!html.includes("</head>")) throw new Error("post_build.mjs: no </head> in index.html");
for (const [name, tmp] of Object.entries(packed)) {
  const bytes = readFileSync(tmp);
  unlinkSync(tmp);
  const file = `${name}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.bin`;
  writeFileSync(join(dir, file), bytes);
  html = html.replace("</head>", `<meta name="wugong-${name}" content="${file}">\n</head>`);
}

const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) throw new Error("post_build.mjs: Trunk's inline module script was not found in index.html");
const register = `
// Offline after the first visit. Where service workers are missing (iOS in-app
// browsers) the page still works online.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}
`;
// Trunk's start-up script awaits at the top level (Chrome 89, Safari 15): the same code
// in an async function instead; its imports stay at the top. A failed start still
// reaches detect.js (as an unhandled rejection) and shows the retry message.
const lines = m[1].trim().split("\n");
const imports = lines.filter((l) => /^import\s/.test(l));
const body = lines.filter((l) => !/^import\s/.test(l));
if (imports.some((l) => !/;\s*$/.test(l))) throw new Error("post_build.mjs: Trunk's start-up imports changed shape: " + imports.join(" | "));
const startCode = `${imports.join("\n")}\n(async () => {\n${body.join("\n")}\n${register}\n})();\n`;
const code = await shipped(startCode, "start-.js");
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const start = `start-${hash}.js`;
writeFileSync(join(dir, start), code);
html = html.replace(inline, `<script type="module" src="./${start}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error("post_build.mjs: an inline script is left in index.html");

// detect.js shows hotlines before any rules can load: they come from the policies.
const hotlines = execFileSync("cargo", ["run", "--quiet", "--bin", "selfcheck", "--", "hotlines-html"], { encoding: "utf8" }).trim();
for (const f of readdirSync(dir).filter((f) => /^wugong-www-.*\.js$/.test(f) || f === "detect.js")) {
  const path = join(dir, f);
  let text = readFileSync(path, "utf8");
  if (f === "detect.js") {
    if (!text.includes('"__WUGONG_HOTLINES__"')) throw new Error("post_build.mjs: detect.js has no hotlines placeholder");
    text = text.replace('"__WUGONG_HOTLINES__"', JSON.stringify(hotlines));
  }
  const small = await shipped(text, f);
  writeFileSync(path, small);
  // Trunk's <link … integrity="sha384-…"> must describe the file as served.
  const sri = "sha384-" + createHash("sha384").update(small).digest("base64");
  const tag = new RegExp(`<link[^>]*${f.replace(/[.]/g, "\\.")}[^>]*>`);
  html = html.replace(tag, (t) => t.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri}$1`));
}
writeFileSync(indexPath, html);
for (const f of readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"))) checkMvp(join(dir, f));

const css = readdirSync(dir).find((f) => /^style-.*\.css$/.test(f));
execFileSync("cargo", ["run", "--quiet", "--bin", "selfcheck", "--", "render-static", "--out", join(dir, "fallback.html"), ...(css ? ["--css", css] : [])], {
  stdio: "inherit",
});

const files = readdirSync(dir).filter((f) => f !== "sw.js").sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const cache = `wugong-${version.digest("hex").slice(0, 16)}`;
const sw = `// Generated by scripts/post_build.mjs for one build. Do not edit.
const CACHE = ${JSON.stringify(cache)};
const FILES = ${JSON.stringify(["./", ...files.map((f) => "./" + f)])};

self.addEventListener("install", (event) => {
  // All of this build's files, or nothing: a half-filled cache is never used.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // Older builds' caches go; this build serves every page load from now on.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("wugong-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  // Pages (with any ?region=… or #answers) are the cached index.html of this build.
  // ignoreVary: the page is sent with Vary: User-Agent (its policy depends on the
  // browser) and this cache only ever holds what this browser was sent.
  const key = req.mode === "navigate" ? "./" : req;
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(key, { ignoreSearch: req.mode === "navigate", ignoreVary: true })).then((hit) => hit || fetch(req)),
  );
});
`;
writeFileSync(join(dir, "sw.js"), await shipped(sw, "sw.js", { minify: false }));
console.log(`post_build: ${start}, sw.js caching ${files.length} files as ${cache}`);
