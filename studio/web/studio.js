// The rules studio's page: text boxes in, the wasm's answers out (studio/src/lib.rs).
// Every check runs here, in this browser; nothing is sent anywhere. What the clerk
// types is kept in localStorage, so a reload loses nothing. Exports are files made
// here and handed to the browser's download (a blob: link).
import init, * as studio from "./__STUDIO_GLUE__";

const $ = (sel) => document.querySelector(sel);
const field = (name) => document.querySelector(`[data-field="${name}"]`);
const KEY = "wugong-studio:";
const SAVED = ["id", "document", "cases", "worker", "t-id", "t-office", "t-region", "t-hotline", "t-address", "p-region", "p-hotline", "p-address"];

const WORKER = `who = "样例工人：会泽县脱贫劳动力，在外省打工5个月，今年还没领过外出务工补助"
as_of = "2024-06-01"

[answers]
home_region = "530326"
tuopin = true
work_place = "cross_province"
stable_months = 5
outwork_subsidy_this_year = false
household = "rural"
`;

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function store(name, value) {
  try {
    localStorage.setItem(KEY + name, value);
  } catch (e) {
    $("[data-testid=state]").textContent = "这台电脑的浏览器存不下了：请先导出文件。";
  }
}

function restore() {
  for (const name of SAVED) {
    let v = null;
    try {
      v = localStorage.getItem(KEY + name);
    } catch (e) {
      $("[data-testid=state]").textContent = "这个浏览器不让存东西：写完请马上导出。";
    }
    if (v !== null) field(name).value = v;
  }
  if (!field("worker").value) field("worker").value = WORKER;
}

let last = null;
function run() {
  const id = field("id").value.trim();
  const doc = field("document").value;
  const lint = $("[data-testid=lint]");
  if (!doc.trim()) {
    lint.innerHTML = `<p class="hint">先打开一份文件，或从模板新建。</p>`;
    $("[data-testid=case-results]").innerHTML = "";
    $("[data-testid=preview]").innerHTML = "";
    last = null;
    return;
  }
  const r = JSON.parse(studio.check(id, doc, field("cases").value, field("worker").value));
  last = r.errors.length ? null : r;
  if (r.errors.length) {
    lint.innerHTML = r.errors
      .map((e) => `<p class="bad" data-testid="lint-error" data-line="${e.line ?? ""}" data-column="${e.column ?? ""}" data-field="${esc(e.field)}">${esc(e.text)}</p>`)
      .join("");
    return;
  }
  const n = r.document.measures.length;
  lint.innerHTML = `<p class="ok" data-testid="lint-ok">没有发现问题：${esc(r.document.number)}《${esc(r.document.title)}》，${n} 条措施。</p>`;
  const cases = r.cases;
  const results = cases.results
    .map((c) => `<p class="${c.pass ? "pass" : "fail"}" data-testid="case-result" data-pass="${c.pass}">${c.pass ? "✔ 通过" : "✘ 没通过"}：${esc(c.who)}${c.problems.map((p) => `<small>${esc(p)}</small>`).join("")}</p>`)
    .join("");
  const passed = cases.results.filter((c) => c.pass).length;
  $("[data-testid=case-results]").innerHTML = cases.error
    ? `<p class="fail" data-testid="cases-error">${esc(cases.error)}</p>`
    : `<p data-testid="case-summary">${cases.results.length ? `${passed} / ${cases.results.length} 个用例通过` : "还没有用例：写一个 [[case]]，或打开用例文件。"}</p>${results}`;
  const preview = $("[data-testid=preview]");
  if (r.preview.error) {
    preview.innerHTML = `<p class="warning" data-testid="worker-error">${esc(r.preview.error)}</p>`;
  } else {
    preview.innerHTML = `<section class="results">${r.preview.html}</section>`;
    // This document's cards, marked for the clerk (and opened).
    const mine = new Set(r.document.measures.map((m) => m.id));
    for (const card of preview.querySelectorAll("[data-measures]")) {
      if (card.getAttribute("data-measures").split(" ").some((m) => mine.has(m))) {
        card.classList.add("mine");
        const group = card.closest("details");
        if (group) group.open = true;
      }
    }
  }
}

let timer = 0;
function changed(e) {
  const name = e.target.getAttribute("data-field");
  if (!name) return;
  store(name, e.target.value);
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

function setText(name, text) {
  field(name).value = text;
  store(name, text);
}

async function openFiles(files) {
  const notes = [];
  for (const f of files) {
    const text = await f.text();
    const kind = studio.kind_of(text);
    if (kind === "document") {
      setText("document", text);
      setText("id", f.name.replace(/\.toml$/i, "").toLowerCase());
      notes.push(`打开了文件 ${f.name}`);
    } else if (kind === "case") {
      setText("cases", field("cases").value.trimEnd() + "\n\n" + studio.as_case(text));
      notes.push(`加上了用例 ${f.name}`);
    } else if (kind === "cases") {
      setText("cases", text);
      notes.push(`打开了用例 ${f.name}`);
    } else {
      notes.push(`${f.name} 不是文件也不是用例（不是 TOML）`);
    }
  }
  $("[data-testid=state]").textContent = notes.join("；");
  run();
}

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---------------------------------------------------------------- the upload folder

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The files' date in the zip: the day it is made. */
const DOS_DATE = (() => {
  const d = new Date();
  return ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
})();

/** A zip of `files` ([name, Uint8Array]), stored without compression (any unzip reads it). */
function zip(files) {
  const enc = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of files) {
    const n = enc.encode(name);
    const crc = crc32(data);
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 0x0800, true); // names in UTF-8
    head.setUint16(12, DOS_DATE, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, data.length, true);
    head.setUint32(22, data.length, true);
    head.setUint16(26, n.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 0x0314, true); // made on Unix: unzip then reads the names as UTF-8
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(14, DOS_DATE, true);
    dir.setUint32(38, 0o100644 << 16, true); // a plain file, rw-r--r--
    dir.setUint32(16, crc, true);
    dir.setUint32(20, data.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, n.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(head.buffer), n, data);
    central.push(new Uint8Array(dir.buffer), n);
    offset += 30 + n.length + data.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, new Uint8Array(end.buffer)]);
}

/** The widget with this document: its files (kept offline by the studio's service
 * worker), new rules files named by their checksums, index.html and sw.js naming
 * them, and the region preset in the page's first script. */
async function folder() {
  const say = (t) => ($("[data-testid=export-state]").textContent = t);
  const id = field("id").value.trim();
  const doc = field("document").value;
  const rules = studio.pack(id, doc);
  if (!rules.length) return say("文件还有问题，先按第 2 步改好再导出。");
  say("正在打包…");
  const widget = await (await fetch("widget-files.json")).json();
  const got = {};
  for (const f of widget.files) {
    const res = await fetch("../" + f);
    if (!res.ok) return say(`缺少自查页面的文件 ${f}：请联网打开一次工作台再导出。`);
    got[f] = new Uint8Array(await res.arrayBuffer());
  }
  // The build's English file gives the regions' English names (the studio's wasm has
  // only the provinces'): an English reader of the office's page sees them in English.
  const english = studio.pack_english(id, doc, got[widget.english]);
  if (!english.length) return say(`自查页面的英文文件 ${widget.english} 读不出来：请联网打开一次工作台再导出。`);
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  const renamed = { [widget.rules]: `rules-${studio.trailer_hex(rules)}.bin`, [widget.english]: `rules-en-${studio.trailer_hex(english)}.bin` };
  delete got[widget.rules];
  delete got[widget.english];
  got[renamed[widget.rules]] = rules;
  got[renamed[widget.english]] = english;
  const region = field("p-region").value.trim();
  if (region) {
    if (!/^[0-9]{2,6}$/.test(region)) return say("预先选好的地区代码只能是 2 到 6 位数字。");
    // Before anything is drawn: the address gets ?region=… (the widget's own preset,
    // docs/deploy.md) unless it has one. In the page's first script (early.js), which
    // then keeps the home question written into index.html hidden: the app skips it.
    const preset = `if(!/[?&]region=/.test(location.search))try{history.replaceState(history.state,"",location.pathname+(location.search?location.search+"&":"?")+"region=${region}"+location.hash)}catch(e){}\n`;
    const early = enc.encode(preset + dec.decode(got[widget.early]));
    const name = `early-${studio.checksum_hex(early)}.js`;
    delete got[widget.early];
    got[name] = early;
    renamed[widget.early] = name;
  }
  const rename = (text) => Object.entries(renamed).reduce((t, [from, to]) => t.split(from).join(to), text);
  got["index.html"] = enc.encode(rename(dec.decode(got["index.html"])));
  const names = Object.keys(got).filter((f) => f !== "sw.js").sort();
  const cache = "wugong-" + studio.checksum_hex(enc.encode(names.join("\n") + dec.decode(rules)));
  got["sw.js"] = enc.encode(rename(dec.decode(got["sw.js"])).replace(/const CACHE = "wugong-[0-9a-f]+";/, `const CACHE = "${cache}";`));
  const hotline = field("p-hotline").value.trim();
  const address = field("p-address").value.trim();
  const readme = `务工自查：${id} 的上传包（工作台导出）

这是整个自查页面（静态文件），已经加上了文件 ${id}。
${region ? `工人打开时已选好地区 ${region}。\n` : ""}${hotline ? `咨询电话：${hotline}\n` : ""}${address ? `办事地址：${address}\n` : ""}
上传方法（docs/deploy.md 有详细说明）：
1. 先传名字里带一串字母数字的文件（rules-…、early-…、start-…、wugong-www-…、style-…）；
2. 再传 fallback.html、图标和 manifest.webmanifest；
3. 然后传 sw.js，最后传 index.html。
4. 网站上以前的带字母数字的文件先不要删。
上传后用手机打开一次，答第一题，开飞行模式再刷新，页面应该还能用。
注意：简单版 fallback.html 还是原来的内容，没有这份文件。
`;
  const files = [["上传说明.txt", enc.encode(readme)], ...Object.keys(got).sort().map((f) => [`wugong/${f}`, got[f]])];
  download(`wugong-${id}.zip`, zip(files), "application/zip");
  say(`上传包已下载：wugong-${id}.zip（${files.length} 个文件）。`);
}

// ---------------------------------------------------------------- start

async function main() {
  await init();
  const seeds = JSON.parse(studio.seeds());
  $("[data-testid=seed]").innerHTML = seeds.map((s) => `<option value="${esc(s.id)}">${esc(s.number)} ${esc(s.title)}</option>`).join("");
  restore();
  document.addEventListener("input", changed);
  $("[data-testid=open-file]").addEventListener("change", (e) => openFiles([...e.target.files]));
  document.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-act]");
    if (!b) return;
    const act = b.getAttribute("data-act");
    if (act === "seed") {
      const id = $("[data-testid=seed]").value;
      const s = JSON.parse(studio.seed(id));
      setText("id", id);
      setText("document", s.document);
      setText("cases", s.cases);
      run();
    } else if (act === "template") {
      const v = (n) => field(n).value;
      setText("id", v("t-id").trim());
      setText("document", studio.template(v("t-id"), v("t-office"), v("t-region"), v("t-hotline"), v("t-address"), new Date().toISOString().slice(0, 10)));
      setText("cases", "");
      run();
    } else if (act === "export-document") {
      download(`${field("id").value.trim() || "document"}.toml`, field("document").value, "text/plain;charset=utf-8");
    } else if (act === "export-cases") {
      download(`${field("id").value.trim() || "document"}-cases.toml`, field("cases").value, "text/plain;charset=utf-8");
    } else if (act === "export-folder") {
      folder().catch((err) => ($("[data-testid=export-state]").textContent = "打包没成功：" + err));
    }
  });
  run();
  $("[data-testid=state]").textContent = "navigator" in self && "serviceWorker" in navigator ? "已就绪。打开过一次后，不联网也能用。" : "已就绪。";
  document.body.setAttribute("data-ready", "1");
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("./sw.js").catch(() => {});
}

main().catch((e) => {
  $("[data-testid=state]").textContent = "工作台没加载出来：" + e;
});
