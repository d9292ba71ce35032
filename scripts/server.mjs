// A small static server for dist/: the right MIME types (application/wasm), the strict
// Content-Security-Policy the page must pass, and cache headers as in docs/deploy.md.
// The policy depends on the browser (as in deploy/nginx-http.conf; docs/deploy.md says
// why): browsers that know 'wasm-unsafe-eval' get it; older ones, which count compiling
// WebAssembly as eval, get 'unsafe-eval' instead, or could not run the widget at all.
// Usage: node scripts/server.mjs [DIR] [PORT]   (loopback only)
// An office that embeds the widget in its own pages lists their origins (space-separated)
// in WUGONG_FRAME_ANCESTORS, e.g. WUGONG_FRAME_ANCESTORS="https://rsj.example.gov.cn";
// by default only the widget's own origin may frame it (docs/deploy.md).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The browsers that compile WebAssembly only under 'unsafe-eval': Chrome and Chromium
 * kernels before 97 (WeChat's Android kernels from Chrome 66 among them; the UA says
 * "Chrome/66.0…"), every iOS browser before iOS 16 (all use WebKit: "iPhone OS 15_…",
 * "CPU OS 15_…" on iPads) and Safari before 16 ("Version/15.6 … Safari/"). The same
 * three patterns are in deploy/nginx-http.conf; tests/e2e/nginx.test.mjs checks that both
 * agree on a list of real User-Agents.
 */
export const OLD_WASM_CSP = [/Chrome\/([0-9]|[1-8][0-9]|9[0-6])\./, /(iPhone|CPU) OS ([0-9]|1[0-5])_/, /Version\/([0-9]|1[0-5])\.[0-9.]* (Mobile\/\S+ )?Safari\//];

/** The policy's script-src for a browser: 'wasm-unsafe-eval' unless it predates it. */
export function scriptSrc(userAgent = "") {
  return OLD_WASM_CSP.some((re) => re.test(userAgent)) ? "script-src 'self' 'unsafe-eval'" : "script-src 'self' 'wasm-unsafe-eval'";
}

/**
 * The whole Content-Security-Policy for a browser (the strict one for modern ones).
 * `frameAncestors`: the origins, besides the widget's own, whose pages may embed it.
 */
export const cspFor = (userAgent, frameAncestors = "") =>
  CSP.replace("script-src 'self' 'wasm-unsafe-eval'", scriptSrc(userAgent)).replace(
    "frame-ancestors 'self'",
    ["frame-ancestors 'self'", ...frameAncestors.split(/\s+/).filter((o) => /^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(o))].join(" "),
  );

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // The page's own <style> (issue 18: no round trip for a style sheet before the first
  // paint), by its hash: written here by scripts/post_build.mjs at each build.
  "style-src 'self' 'sha256-07kGiChD8zzDiSri+bxfE79yCpM5ZZeUW47Vn5zDrwM='",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  // Only our own pages may frame the widget: a hidden frame on another site could
  // otherwise plant answers or have a worker tap "清除" unknowingly (issue 15, D5).
  "frame-ancestors 'self'",
].join("; ");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The file under `root` that a request path names, or null if it points outside. The
 * path is decoded first, then resolved, and only then compared: a string prefix alone
 * let `/..%2fdist-secret.txt` reach `dist-secret.txt` next to `dist/` (issue 15, D9).
 */
export function fileUnder(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const path = resolve(root, "." + sep + decoded);
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null;
}

export function serve(dir, port = 8080, host = "127.0.0.1", { frameAncestors = process.env.WUGONG_FRAME_ANCESTORS ?? "" } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = fileUnder(root, url.pathname);
      if (path === null) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      let body = await readFile(path);
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const hashed = /-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css|bin)$/.test(path);
      // Compressed as a real host would (see docs/deploy.md).
      const gzip = /gzip/.test(req.headers["accept-encoding"] ?? "") && !type.startsWith("image/");
      if (gzip) body = gzipSync(body, { level: 6 });
      // The policy differs by browser, so a cache in between must keep one copy per
      // User-Agent; hashed files are not documents (their policy does nothing), so
      // they stay one copy for everyone.
      const vary = [...(gzip ? ["Accept-Encoding"] : []), ...(hashed ? [] : ["User-Agent"])];
      res.writeHead(200, {
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        ...(vary.length ? { Vary: vary.join(", ") } : {}),
        "Content-Type": type,
        "Content-Security-Policy": cspFor(req.headers["user-agent"], frameAncestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  await serve(dir, port);
  console.log(`务工自查 is served at http://127.0.0.1:${port}/  (Ctrl-C stops)`);
}
