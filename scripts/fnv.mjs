// The rules files' checksum in JavaScript: FNV-1a, 64 bits (crates/core/src/pack.rs's
// `checksum`), as the 16 hex digits that name the file (`rules-<fnv>.bin`). The same
// function is written into sw.js (scripts/post_build.mjs), which checks every rules,
// regions and English file against its name before storing or serving it. In two 32-bit
// halves: old phones' kernels (Chrome 66) have no BigInt.

/** FNV-1a 64 of `bytes` (a Uint8Array), as 16 lower-case hex digits, most significant first. */
export function fnv64hex(bytes) {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    // × 0x100000001b3 = × 2^40 + × 0x1b3 (mod 2^64); every sum stays below 2^53.
    const t = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(t / 4294967296) + ((lo << 8) >>> 0)) >>> 0;
    lo = t >>> 0;
  }
  return ("0000000" + hi.toString(16)).slice(-8) + ("0000000" + lo.toString(16)).slice(-8);
}

/** The checksum a rules file carries in its last 8 bytes (little-endian), as hex. */
export function trailerHex(bytes) {
  let hex = "";
  for (let i = bytes.length - 1; i >= bytes.length - 8 && i >= 0; i--) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return hex;
}
