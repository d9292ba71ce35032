// Where the wasm's bytes go: a per-function size table (what twiggy's `top` gives, with
// the tools already here). After scripts/build-web:
//   node bench-web/wasm-sizes.mjs [N] [--by-crate] [--grep TEXT]
// It runs wasm-opt on wasm-bindgen's output (target/wasm-bindgen/release) with exactly
// the parameters in www/index.html plus -g, which keeps the function names that the
// shipped build strips, then reads the module's sections: each function's body size in
// bytes (raw, not gzip: gzip works on the whole module) with its name, and the data
// section (string literals and tables). The total matches dist/'s wasm within the name
// section. docs/size.md has the table and what each row is for.
import { readFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";

const args = process.argv.slice(2);
const top = Number(args.find((a) => /^\d+$/.test(a)) ?? 30);
const byCrate = args.includes("--by-crate");
const grep = args.includes("--grep") ? args[args.indexOf("--grep") + 1] : null;

const html = readFileSync("www/index.html", "utf8");
const params = html.match(/data-wasm-opt-params="([^"]*)"/)[1].split(/\s+/).filter(Boolean);
const out = join(mkdtempSync(join(tmpdir(), "wasm-sizes-")), "named.wasm");
execFileSync("wasm-opt", ["target/wasm-bindgen/release/wugong-www_bg.wasm", ...params, "-g", "-o", out], { stdio: "inherit" });
const b = readFileSync(out);

let i = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return r;
};
const str = () => { const n = leb(); const t = b.toString("utf8", i, i + n); i += n; return t; };
let imports = 0, bodies = [], names = new Map(), sections = {};
while (i < b.length) {
  const id = b[i++], size = leb(), end = i + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) { str(); str(); const kind = b[i++]; if (kind === 0) { leb(); imports++; } else break; }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const s = leb(); bodies.push(s); i += s; }
  } else if (id === 0) {
    const name = str();
    if (name === "name") {
      while (i < end) {
        const sub = b[i++], len = leb(), subEnd = i + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const idx = leb(); names.set(idx, str()); }
        i = subEnd;
      }
    }
    sections[`custom ${name}`] = size;
  }
  if (id !== 0) sections[["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data"][id] ?? id] = size;
  i = end;
}
const fns = bodies.map((size, k) => ({ size, name: names.get(imports + k) ?? `func[${imports + k}]` }));
const total = b.length - (sections["custom name"] ?? 0);
const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + "%";

/** A short crate-level bucket for a demangled name. */
function crateOf(name) {
  const n = name.replace(/^<+/, "").replace(/^&(mut )?/, "");
  if (/^(core::fmt|<?&?T as core::fmt|core::panicking|core::result::unwrap_failed|core::option::expect_failed)/.test(n) || /as core::fmt::(Display|Debug)>/.test(name)) return "core::fmt / panics";
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  return m ? m[1] : "?";
}

console.log(`wasm ${b.length} bytes with names, ${total} without (gzip of the stripped build: see bench-web/size.mjs)`);
console.log(`sections: ${Object.entries(sections).map(([k, v]) => `${k} ${v}`).join(", ")}`);
if (byCrate) {
  const m = new Map();
  for (const f of fns) { const c = crateOf(f.name); const e = m.get(c) ?? { size: 0, n: 0 }; e.size += f.size; e.n++; m.set(c, e); }
  m.set("(data section: literals, tables)", { size: sections.data ?? 0, n: 0 });
  for (const [c, e] of [...m].sort((a, b) => b[1].size - a[1].size).slice(0, top))
    console.log(`${String(e.size).padStart(7)} ${pct(e.size)} ${String(e.n).padStart(5)} fns  ${c}`);
} else {
  const list = fns.filter((f) => !grep || f.name.includes(grep)).sort((a, b) => b.size - a.size);
  const sum = list.reduce((a, f) => a + f.size, 0);
  if (grep) console.log(`${list.length} functions matching ${JSON.stringify(grep)}: ${sum} bytes`);
  for (const f of list.slice(0, top)) console.log(`${String(f.size).padStart(7)} ${pct(f.size)}  ${f.name.slice(0, 150)}`);
}
