// Trunk post_build hook, run on the finished files before they replace dist/:
// 1. writes the rules file (the checked policies, packed by the native engine) under a
//    name carrying its own checksum (`rules-<FNV-1a 64 in hex>.bin`, the sum in its last
//    8 bytes), named in index.html by <meta name="wugong-rules">: the widget fetches it
//    while the first question is on screen, so it is not in the first load; the service
//    worker and the widget both refuse a file whose checksum is not its name's;
// 2. moves Trunk's inline start-up script into a hashed file (no 'unsafe-inline' needed),
//    adding the service-worker registration to it; writes the app's first question into
//    the page (rendered natively from the widget's own code) and www/early.js under a
//    hashed name;
// 3. shortens the import names between the wasm and its glue (scripts/short_imports.mjs);
//    rewrites every shipped script for old phones (WeChat's Chrome 66 kernels, iOS 11:
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
import { fileURLToPath } from "node:url";
import { lower, checkSyntax, checkMvp, isModule } from "./compat.mjs";
import { shortImports } from "./short_imports.mjs";
import { fnv64hex, trailerHex } from "./fnv.mjs";

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
  // detect.js and early.js stay ES5: they must run in any browser (detect.js to say
  // that it is too old).
  const code = minify ? await minified(low, isModule(file), file === "detect.js" || file === "early.js" ? 5 : 2017) : low;
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
  // Named by the checksum inside the file, which the widget compares with the name at
  // almost no cost: an older policy set served under this build's name is refused
  // (issue 15, D8). The JavaScript checksum in sw.js must agree with the engine's.
  const sum = trailerHex(bytes);
  if (fnv64hex(bytes.subarray(0, bytes.length - 8)) !== sum) throw new Error(`post_build.mjs: scripts/fnv.mjs disagrees with the engine's checksum of ${name}`);
  const file = `${name}-${sum}.bin`;
  writeFileSync(join(dir, file), bytes);
  html = html.replace("</head>", `<meta name="wugong-${name}" content="${file}">\n</head>`);
}

// The app's first screen for a new visitor, written into the page so that the first
// question shows before any script has run (issue 18): the widget's own component, views
// and data, rendered natively by Yew's server renderer (www/src/main.rs). Marked
// data-pre; www/early.js shows it to new visitors and keeps a tap on it until the app,
// which draws the same screen over it, has loaded.
const pre = execFileSync("cargo", ["run", "--quiet", "-p", "wugong-www"], { encoding: "utf8" }).trim();
if (!/^<div [^>]*class="app"/.test(pre) || !pre.includes('data-question="Home"') || /<script/i.test(pre)) {
  throw new Error("post_build.mjs: the first question's HTML from wugong-www is not the home-region question: " + pre.slice(0, 200));
}
// After the loading line (the first <main>, which detect.js and the tests look for).
const loading = /<div id=("?)app\1>\s*<main class=("?)loading\2>[\s\S]*?<\/main>/;
if (!loading.test(html)) throw new Error("post_build.mjs: no <div id=app><main class=loading>…</main> in index.html");
html = html.replace(loading, (m) => m + pre.replace(/^<div /, "<div data-pre "));

// www/early.js, the page's first script (before anything is drawn), under a hashed name.
{
  // The history entry the app records on that screen: a reload there shows it too.
  const place = execFileSync("cargo", ["run", "--quiet", "-p", "wugong-www", "--", "place"], { encoding: "utf8" }).trim();
  if (!/^w\d+\|q\d+\|/.test(place)) throw new Error("post_build.mjs: the first screen's place from wugong-www is " + place);
  const source = readFileSync(join(dir, "early.js"), "utf8");
  if (!source.includes('"__WUGONG_FIRST_PLACE__"')) throw new Error("post_build.mjs: early.js has no first-place placeholder");
  const code = await shipped(source.replace('"__WUGONG_FIRST_PLACE__"', JSON.stringify(place)), "early.js");
  if (code.length >= 1000) throw new Error(`post_build.mjs: early.js is ${code.length} bytes, more than 1 KB`);
  const file = `early-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, file), code);
  unlinkSync(join(dir, "early.js"));
  const tag = /<script src=("?)early\.js\1><\/script>/;
  if (!tag.test(html)) throw new Error("post_build.mjs: no <script src=early.js> in index.html");
  html = html.replace(tag, `<script src="${file}"></script>`);
}

// The style sheet inside the page (issue 18): a <link> in the head holds the first paint
// back by a round trip on a slow network, 1.9 KB gzip inside the page does not. Allowed
// by the policy's style-src through its hash (CSP 2: Chrome 40, Safari 10), which is
// written here into every place the policy is set (styleHash below); no 'unsafe-inline'.
// The file itself stays for fallback.html, the studio and the offline cache.
let styleHash;
{
  const link = /<link [^>]*\bhref=("?)\.?\/?(style-[0-9a-f]+\.css)\1[^>]*>/;
  const found = html.match(link);
  if (!found) throw new Error("post_build.mjs: no <link> to Trunk's style sheet in index.html");
  const css = readFileSync(join(dir, found[2]), "utf8").trim();
  if (/<\//.test(css)) throw new Error("post_build.mjs: the style sheet contains '</', which would end the <style>");
  styleHash = `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
  html = html.replace(link, () => `<style>${css}</style>`);
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

// Short import names between the wasm and its glue (scripts/short_imports.mjs), before
// the glue is minified below; the wasm's integrity hash in index.html follows.
for (const w of readdirSync(dir).filter((f) => /^wugong-www-.*_bg\.wasm$/.test(f))) {
  const glue = w.replace(/_bg\.wasm$/, ".js");
  const r = shortImports(readFileSync(join(dir, w)), readFileSync(join(dir, glue), "utf8"));
  writeFileSync(join(dir, w), r.wasm);
  writeFileSync(join(dir, glue), r.js);
  const sri = "sha384-" + createHash("sha384").update(r.wasm).digest("base64");
  const tag = new RegExp(`<link[^>]*${w.replace(/[.]/g, "\\.")}[^>]*>`);
  if (!tag.test(html)) throw new Error(`post_build.mjs: no <link> for ${w} in index.html`);
  html = html.replace(tag, (t) => t.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${sri}$1`));
}

// detect.js shows hotlines before any rules can load: they come from the policies.
const hotlines = execFileSync("cargo", ["run", "--quiet", "--bin", "selfcheck", "--", "hotlines-html"], { encoding: "utf8" }).trim();
for (const f of readdirSync(dir).filter((f) => /^wugong-www-.*\.js$/.test(f) || f === "detect.js")) {
  const path = join(dir, f);
  let text = readFileSync(path, "utf8");
  if (f === "detect.js") {
    if (!text.includes('"__WUGONG_HOTLINES__"')) throw new Error("post_build.mjs: detect.js has no hotlines placeholder");
    text = text.replace('"__WUGONG_HOTLINES__"', JSON.stringify(hotlines));
    // The style file, for a host whose policy refuses the page's own <style>.
    const style = readdirSync(dir).find((f) => /^style-[0-9a-f]+\.css$/.test(f));
    if (!style || !text.includes('"__WUGONG_STYLE__"')) throw new Error("post_build.mjs: detect.js has no style placeholder, or there is no style file");
    text = text.replace('"__WUGONG_STYLE__"', JSON.stringify(style));
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

// The page's style hash in every place the policy is set: the test server and the nginx
// configuration (a host of its own copies it from there: docs/deploy.md). Rewritten only
// when it changed, and said so: the files are committed with the style sheet.
for (const file of ["scripts/server.mjs", "deploy/nginx-site.conf"].map((f) => fileURLToPath(new URL("../" + f, import.meta.url)))) {
  const text = readFileSync(file, "utf8");
  const directive = /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*/g;
  if ((text.match(directive) ?? []).length !== 1) throw new Error(`post_build.mjs: ${file} must set style-src 'self' exactly once`);
  const next = text.replace(directive, `style-src 'self' ${styleHash}`);
  if (next !== text) {
    writeFileSync(file, next);
    console.warn(`post_build: the page's style changed: ${file} now allows ${styleHash} (commit it with www/style.css)`);
  }
}

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
const OWN = new Set(FILES.map((f) => new URL(f, self.location).href));

${fnv64hex.toString()}

${trailerHex.toString()}

/**
 * Whether a response is what its address claims, so that it may be stored and served:
 * status 200; a page (the app's own, fallback.html) is HTML and nothing else is (a
 * captive portal's login page, or a server answering a missing file with the page, is
 * refused); a rules, regions or English file (name-<16 hex>.bin) has the checksum of its
 * name. Never stored otherwise, so a bad day cannot stick (issue 15, D1, D3).
 */
async function sound(url, res) {
  if (!res || res.status !== 200) return false;
  const path = new URL(url).pathname;
  const page = path.endsWith("/") || path.endsWith(".html");
  if (/^text\\/html/i.test(res.headers.get("Content-Type") || "") !== page) return false;
  const named = path.match(/-([0-9a-f]{16})\\.bin$/);
  if (!named) return true;
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  return bytes.length > 12 && trailerHex(bytes) === named[1] && fnv64hex(bytes.subarray(0, bytes.length - 8)) === named[1];
}

/** A file of this build from the network; a second time past the HTTP cache if the first was not sound. */
async function download(url) {
  const res = await fetch(url).catch(() => null);
  if (await sound(url, res)) return res;
  return fetch(url, { cache: "reload" });
}

self.addEventListener("install", (event) => {
  // All of this build's files, each checked, or nothing: a half-filled cache is never
  // used, and the previous build keeps serving until every file is here and sound (a
  // deployment caught mid-upload is tried again on a later load).
  event.waitUntil(
    caches.open(CACHE)
      .then((c) => Promise.all([...OWN].map((url) => download(url).then(async (res) => {
        if (!(await sound(url, res))) throw new Error("not sound: " + url);
        await c.put(url, res);
      }))))
      .catch((e) => caches.delete(CACHE).then(() => { throw e; }))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // Older builds' caches go; this build serves every page load from now on.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("wugong-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/**
 * A file: this build's stored copy if it is still sound (else dropped), or the network.
 * The page asks with ?retry=… when a file it got was damaged: then past every cache,
 * and a sound answer replaces the stored copy.
 */
async function file(req) {
  const url = new URL(req.url);
  const plain = url.origin + url.pathname;
  const retry = /[?&]retry=/.test(url.search);
  const c = await caches.open(CACHE);
  if (!retry) {
    const hit = await c.match(req, { ignoreVary: true });
    if (hit && (await sound(req.url, hit))) return hit;
    if (hit) await c.delete(req, { ignoreVary: true });
  }
  const res = retry ? await fetch(plain, { cache: "reload" }) : await fetch(req);
  const key = retry ? plain : req.url;
  if (OWN.has(key) && (await sound(key, res))) await c.put(key, res.clone());
  return res;
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // The app's own page, with any ?region=… or #answers, is this build's stored
    // index.html; any other page (fallback.html, the plain version for when the widget
    // cannot run) is itself, stored or from the network (issue 15, D2).
    // ignoreVary: the page is sent with Vary: User-Agent (its policy depends on the
    // browser) and this cache only ever holds what this browser was sent.
    const scope = new URL(self.registration.scope).pathname;
    const own = url.pathname === scope || url.pathname === scope + "index.html";
    event.respondWith(
      caches.open(CACHE).then((c) => c.match(own ? "./" : req, { ignoreSearch: true, ignoreVary: true })).then((hit) => hit || fetch(req)),
    );
    return;
  }
  event.respondWith(file(req));
});
`;
writeFileSync(join(dir, "sw.js"), await shipped(sw, "sw.js", { minify: false }));
console.log(`post_build: ${start}, sw.js caching ${files.length} files as ${cache}`);
