// The repository's nginx configuration, through a real nginx on loopback: right MIME
// type for wasm, cache headers, gzip, the policy chosen by browser (the same as
// scripts/server.mjs), and the page working under its CSP in a modern Chromium and in
// Chromium 66.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { start, stop, phone, packRules, DIST } from "./harness.mjs";
import { completeCheck, cards, huize } from "./flow.mjs";
import { launchOld, oldPhone, WECHAT_CHROME_66 } from "./old.mjs";
import { scriptSrc } from "../../scripts/server.mjs";
import { trailerHex } from "../../scripts/fnv.mjs";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find(existsSync);
let ctx, base;
const nginxes = [];

async function freePort() {
  const s = createServer();
  await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
  const port = s.address().port;
  await new Promise((ok) => s.close(ok));
  return port;
}

/** A real nginx with the project's two files, serving `root`; its address. */
async function startNginx(root) {
  const dir = mkdtempSync(join(tmpdir(), "wugong-nginx-"));
  const port = await freePort();
  const conf = join(dir, "nginx.conf");
  writeFileSync(conf, `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${resolve("deploy/nginx-http.conf")};
  server {
    listen 127.0.0.1:${port};
    root ${resolve(root)};
    include ${resolve("deploy/nginx-site.conf")};
  }
}`);
  nginxes.push(spawn(NGINX, ["-c", conf, "-p", dir], { stdio: "inherit" }));
  const address = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(address);
      return address;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  throw new Error("nginx did not start");
}

before(async () => {
  assert.ok(NGINX, "nginx is installed (scripts/setup installs nginx-light)");
  ctx = await start();
  base = await startNginx(DIST);
});

after(async () => {
  for (const n of nginxes) n.kill();
  if (ctx) await stop(ctx);
});

test("nginx serves wasm as application/wasm and the rules file, compressed, cached by hash", async () => {
  const html = await (await fetch(base)).text();
  const wasm = html.match(/href="?\.\/([^" >]+_bg\.wasm)/)[1];
  const res = await fetch(base + wasm, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(res.headers.get("content-type"), "application/wasm");
  assert.equal(res.headers.get("content-encoding"), "gzip");
  assert.match(res.headers.get("cache-control"), /immutable/);
  // The rules file too: hashed, so cached for good, and compressed.
  const rules = html.match(/content="?(rules-[0-9a-f]+\.bin)/)[1];
  const r = await fetch(base + rules, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("content-type"), "application/octet-stream");
  assert.equal(r.headers.get("content-encoding"), "gzip");
  assert.match(r.headers.get("cache-control"), /immutable/);
  const index = await fetch(base);
  assert.equal(index.headers.get("cache-control"), "no-cache");
  assert.match(index.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal((await fetch(base + "sw.js")).headers.get("cache-control"), "no-cache");
});

test("the page works through nginx under its Content-Security-Policy", async () => {
  const page = await phone(ctx);
  const violations = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await completeCheck(page, base, {
    asOf: "2026-11-23",
    answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_injury"] }, InjuryDate: { value: "2026-11-01" } },
  });
  assert.ok((await cards(page))["law-work-injury-recognition"], "results shown");
  assert.match(await page.textContent("[data-testid=deadline-injury_employer]"), /2026-12-01/);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.foreign.filter((u) => !u.startsWith(base)), [], "only nginx's origin is contacted");
});

/** User-Agents and the script-src each must get (docs/deploy.md says why). */
const USER_AGENTS = [
  [WECHAT_CHROME_66, "'unsafe-eval'"],
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/66.0.3347.0 Safari/537.36", "'unsafe-eval'"],
  ["Mozilla/5.0 (Linux; Android 11; M2010J19SC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.104 Mobile Safari/537.36", "'unsafe-eval'"],
  ["Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/97.0.4692.98 Mobile Safari/537.36", "'wasm-unsafe-eval'"],
  ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "'wasm-unsafe-eval'"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 11_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15F79 MicroMessenger/7.0.0(0x17000024) NetType/WIFI Language/zh_CN", "'unsafe-eval'"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 15_8 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.6 Mobile/15E148 Safari/604.1", "'unsafe-eval'"],
  ["Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1", "'unsafe-eval'"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1", "'wasm-unsafe-eval'"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", "'wasm-unsafe-eval'"],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Safari/605.1.15", "'unsafe-eval'"],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15", "'wasm-unsafe-eval'"],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "'wasm-unsafe-eval'"],
  ["", "'wasm-unsafe-eval'"],
];

test("nginx and scripts/server.mjs choose the same policy by browser; pages vary by User-Agent, hashed files do not", async () => {
  const html = await (await fetch(base)).text();
  const wasm = html.match(/href="?\.\/([^" >]+_bg\.wasm)/)[1];
  for (const [ua, expected] of USER_AGENTS) {
    const res = await fetch(base, { headers: { "User-Agent": ua } });
    const csp = res.headers.get("content-security-policy");
    assert.ok(csp.includes(`script-src 'self' ${expected};`), `${ua || "(no User-Agent)"}: ${csp}`);
    assert.ok(scriptSrc(ua).endsWith(expected), `scripts/server.mjs agrees for ${ua || "(no User-Agent)"}`);
    assert.equal(res.headers.get("vary"), "User-Agent");
  }
  assert.equal((await fetch(base + "sw.js")).headers.get("vary"), "User-Agent");
  assert.equal((await fetch(base + wasm)).headers.get("vary"), null, "one cached copy of the wasm for every browser");
});

test("Chromium 66 runs the widget through nginx under the policy nginx sends it", async () => {
  const browser = await launchOld();
  try {
    const page = await oldPhone(browser, base);
    await completeCheck(page, base, {
      asOf: "2026-11-23",
      answers: { Home: { region: ["44"] }, Problems: { checks: ["problem_injury"] }, InjuryDate: { value: "2026-11-01" } },
    });
    assert.ok((await cards(page))["law-work-injury-recognition"], "results shown");
    assert.deepEqual(page.problems, [], "no errors (a refused wasm compile would be one)");
    assert.deepEqual(page.foreign, []);
  } finally {
    await browser.close();
  }
});

test("a missing file is a 404 through nginx, never the page; only frames of our own origin by default", async () => {
  for (const f of ["rules-ffffffffffffffff.bin", "wugong-www-ffffffffffffffff_bg.wasm", "wugong-www-ffffffffffffffff.js", "style-ffffffffffffffff.css", "sw.jsx"]) {
    const res = await fetch(base + f);
    assert.equal(res.status, 404, f);
    assert.doesNotMatch(await res.text(), /<meta name="?wugong/, `${f}: not the page`);
  }
  assert.equal((await fetch(base + "?region=44")).status, 200);
  assert.match((await fetch(base)).headers.get("content-security-policy"), /frame-ancestors 'self'$/);
});

test("D1: a deployment caught mid-upload never poisons a returning phone; it gets the new build once the upload is done", async () => {
  const root = mkdtempSync(join(tmpdir(), "wugong-upload-"));
  cpSync(DIST, root, { recursive: true });
  chmodSync(root, 0o755); // nginx's workers may run as another user

  const site = await startNginx(root);
  const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).sort());
  const page = await phone(ctx);
  const transport = async () => {
    await completeCheck(page, site, huize("2024-06-01"));
    return (await cards(page))["yrst-2021-49-transport"].text;
  };
  assert.match(await transport(), /1000元/, "build 1");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });

  // Build 2 (another policy set) is being uploaded: its page and sw.js are there, its
  // rules file not yet.
  const html = readFileSync(join(root, "index.html"), "utf8");
  const oldRules = html.match(/(rules-[0-9a-f]{16}\.bin)/)[1];
  const rules2 = packRules("yrst-2021-49.toml", (t) => t.replace('up_to = "1000"', 'up_to = "800"'));
  const newRules = `rules-${trailerHex(rules2)}.bin`;
  const sw = readFileSync(join(root, "sw.js"), "utf8").replace(/const CACHE = "wugong-[0-9a-f]+"/, 'const CACHE = "wugong-build2"');
  writeFileSync(join(root, "sw.js"), sw.replaceAll(oldRules, newRules));
  writeFileSync(join(root, "index.html"), html.replaceAll(oldRules, newRules));
  await page.reload();
  await page.waitForTimeout(3000);
  assert.match(await transport(), /1000元/, "still build 1, whole, while the upload runs");
  assert.ok(!(await cacheNames(page)).includes("wugong-build2"), "the half-uploaded build was not installed");

  // The upload completes: the next loads bring build 2, nothing cleared by hand.
  writeFileSync(join(root, newRules), rules2);
  let names = [];
  for (let i = 0; i < 40 && names.join() !== "wugong-build2"; i++) {
    await page.reload();
    // (The browser also looks for a new sw.js by itself after a navigation, but may
    // wait after a failed install: ask as a later visit would.)
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()).catch(() => {}));
    await page.waitForTimeout(500);
    names = await cacheNames(page);
  }
  assert.deepEqual(names, ["wugong-build2"]);
  assert.match(await transport(), /800元/, "build 2's rules");
});
