// Trunk post_build hook: move Trunk's inline start-up script into a hashed file so the
// page runs under a Content-Security-Policy with no 'unsafe-inline'.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post_build.mjs must run as a Trunk hook (TRUNK_STAGING_DIR unset)");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) throw new Error("post_build.mjs: Trunk's inline module script was not found in index.html");
const code = m[1].trim() + "\n";
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const name = `start-${hash}.js`;
writeFileSync(join(dir, name), code);
html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error("post_build.mjs: an inline script is left in index.html");
writeFileSync(indexPath, html);
console.log(`post_build: start-up script moved to ${name}`);
