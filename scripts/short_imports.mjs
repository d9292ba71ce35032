// Shorter import names between the wasm and its JavaScript glue. wasm-bindgen names
// every import it generates like `__wbg_setinnerhtml_8a5c8f7b2e1d4c09` under the module
// "./wugong-www_bg.js": in the wasm's import section and again as the keys of the glue's
// import object. The hex suffixes do not compress, and together they weighed about 4 KB
// of the first screen (gzip). Both sides are renamed here to `a`, `b`, … `aB`, the module
// to `m`; what the code does is unchanged (the wasm's code refers to imports by index).
// The glue must name every import exactly once, or the build stops. Likewise the exports
// the glue calls as `wasm.<name>` (`__wbindgen_malloc`, `wasm_bindgen__convert__closures_
// ____invoke__h<16 hex>`…) become `A0`, `A1`…; other exports (`memory`, `main`) keep
// their names.
//   shortImports(wasmBytes, jsText) -> { wasm, js, count }

/** Reads an unsigned LEB128 at `i`: [value, next index]. */
function leb(bytes, i) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

function lebBytes(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

const name = (text) => {
  const b = Buffer.from(text, "utf8");
  return Buffer.concat([Buffer.from(lebBytes(b.length)), b]);
};

/** `a` … `Z`, then `aa` … : never a JavaScript keyword of one or two letters that
 * matters here (object keys may be keywords anyway). */
function shortName(i) {
  const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = chars[i % chars.length] + s;
    i = Math.floor(i / chars.length) - 1;
  } while (i >= 0);
  return s;
}

/** Length in bytes of an import's description (kind byte and what follows). */
function descLength(bytes, i) {
  const start = i;
  const kind = bytes[i++];
  const limits = () => {
    const flags = bytes[i++];
    [, i] = leb(bytes, i);
    if (flags & 1) [, i] = leb(bytes, i);
  };
  if (kind === 0) [, i] = leb(bytes, i); // function: type index
  else if (kind === 1) { i++; limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) i += 2; // global: value type, mutability
  else throw new Error(`short_imports: unknown import kind ${kind}`);
  return i - start;
}

export function shortImports(wasm, js, module = "./wugong-www_bg.js") {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("short_imports: not a wasm file");
  const parts = [wasm.subarray(0, 8)];
  let i = 8;
  let count = 0;
  const renames = [];
  const exportRenames = [];
  while (i < wasm.length) {
    const id = wasm[i];
    const [size, bodyStart] = leb(wasm, i + 1);
    const end = bodyStart + size;
    if (id === 7) {
      let j = bodyStart;
      let n;
      [n, j] = leb(wasm, j);
      const entries = [Buffer.from(lebBytes(n))];
      for (let k = 0; k < n; k++) {
        let len;
        [len, j] = leb(wasm, j);
        const field = wasm.toString("utf8", j, j + len);
        j += len;
        const descStart = j;
        j += 1; // kind
        [, j] = leb(wasm, j); // index
        let out = field;
        if (/^(__wbindgen_|wasm_bindgen__)\w+$/.test(field)) {
          out = `A${exportRenames.length}`;
          exportRenames.push([field, out]);
        }
        entries.push(name(out), wasm.subarray(descStart, j));
      }
      if (j !== end) throw new Error("short_imports: export section not read to its end");
      const body = Buffer.concat(entries);
      parts.push(Buffer.from([7, ...lebBytes(body.length)]), body);
      i = end;
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(i, end));
      i = end;
      continue;
    }
    let j = bodyStart;
    let n;
    [n, j] = leb(wasm, j);
    const entries = [Buffer.from(lebBytes(n))];
    for (let k = 0; k < n; k++) {
      let len;
      [len, j] = leb(wasm, j);
      const mod = wasm.toString("utf8", j, j + len);
      j += len;
      [len, j] = leb(wasm, j);
      const field = wasm.toString("utf8", j, j + len);
      j += len;
      const d = descLength(wasm, j);
      const desc = wasm.subarray(j, j + d);
      j += d;
      if (mod === module) {
        const short = shortName(count++);
        renames.push([field, short]);
        entries.push(name("m"), name(short), desc);
      } else {
        entries.push(name(mod), name(field), desc);
      }
    }
    if (j !== end) throw new Error("short_imports: import section not read to its end");
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2, ...lebBytes(body.length)]), body);
    i = end;
  }
  if (count === 0) throw new Error(`short_imports: no import from ${module}`);
  const quoted = JSON.stringify(module);
  const once = (text, pattern, what) => {
    const found = text.match(new RegExp(pattern, "g")) ?? [];
    if (found.length !== 1) throw new Error(`short_imports: the glue names ${what} ${found.length} times, not once`);
  };
  once(js, quoted.replace(/[.\\/]/g, "\\$&"), quoted);
  js = js.replace(quoted, '"m"');
  for (const [from, to] of renames) {
    if (!/^[A-Za-z_$][\w$]*$/.test(from)) throw new Error(`short_imports: import name ${from} is not an identifier`);
    const pattern = `(?<![\\w$])${from}(?![\\w$])`;
    once(js, pattern, from);
    js = js.replace(new RegExp(pattern), to);
  }
  for (const [from, to] of exportRenames) {
    // (A JavaScript function of the same name may wrap it: that name is the glue's own.)
    const calls = js.match(new RegExp(`\\bwasm\\.${from}(?![\\w$])`, "g")) ?? [];
    if (calls.length === 0 || js.includes(`"${from}"`) || js.includes(`'${from}'`) || js.includes(`[${from}]`))
      throw new Error(`short_imports: the glue does not call ${from} as wasm.${from} only`);
    js = js.replace(new RegExp(`\\bwasm\\.${from}(?![\\w$])`, "g"), `wasm.${to}`);
  }
  return { wasm: Buffer.concat(parts), js, count, exports: exportRenames.length };
}
