// Runs before the app, as a plain (non-module) script so that old browsers run it too.
// The app is built for WebAssembly 1.0 and Chrome 64 / Safari 11 JavaScript, so it runs
// in WeChat's Android kernels from Chrome 66 and on iOS 11. Browsers with no
// WebAssembly or no module scripts (Chrome before 61, iOS before 11, old Android
// browsers) get a message with hotlines and the plain page; JavaScript-off browsers see
// the <noscript> text. Either way the page says what to do instead of staying blank.
// Keep this file ES5: it must parse everywhere.
(function () {
  // The page's style is inside it (issue 18), allowed by the policy through its hash. A
  // host whose Content-Security-Policy predates that hash (docs/deploy.md) refuses it;
  // then the same rules come from the style file, a moment later, instead of never.
  var inline = document.getElementsByTagName("style")[0];
  if (inline && !inline.sheet) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = "__WUGONG_STYLE__";
    document.head.appendChild(sheet);
  }
  var app = document.getElementById("app");
  if (!app) return;
  // The hotlines, written in at build time from policies/hotlines.toml by
  // scripts/post_build.mjs (selfcheck hotlines-html): a changed number is a data change.
  var help = "__WUGONG_HOTLINES__";
  function show(html) {
    app.innerHTML = '<main class="failure" data-testid="unsupported">' + html + help + "</main>";
  }
  var ok =
    typeof WebAssembly === "object" &&
    typeof WebAssembly.validate === "function" &&
    typeof Promise === "function" &&
    "noModule" in document.createElement("script");
  if (ok) {
    try {
      // A tiny WebAssembly 1.0 module (one empty function): what the app's wasm is.
      ok = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 11]));
    } catch (e) {
      ok = false;
    }
  }
  if (!ok) {
    show(
      "<h1>这个浏览器太旧，打不开自查</h1>" +
        "<p>请把微信更新到最新版，或者点右上角“…”，选“在浏览器打开”。</p>" +
        '<p><a href="fallback.html" data-testid="fallback-link">先看简单版：全部补贴、权益和求助电话</a></p>' +
        "<p>Your browser is too old for this page. Update WeChat or open the page in the phone's browser.</p>"
    );
    window.__wugongUnsupported = true;
    return;
  }
  // A failed download (the wasm, its script, a stale cached page naming files that are
  // gone) says so at once and offers a retry instead of a white screen; anything else
  // that keeps the app from starting, after 20 s.
  function failed() {
    if (app.querySelector(".loading")) {
      show(
        '<h1>没加载出来</h1><p>可能是网络不好。请检查网络后 <a href="./" data-testid="reload">重新打开</a>。</p>' +
          '<p>It did not load. Check your connection and <a href="./">try again</a>.</p>'
      );
    }
  }
  window.addEventListener("unhandledrejection", failed);
  window.addEventListener(
    "error",
    function (e) {
      // Uncaught errors before the app starts (a wasm that failed to load rejects the
      // start-up module) and failed scripts and preloads; not a missing icon or style.
      var t = e.target;
      if (!(t && t.tagName === "LINK" && !/preload/.test(t.rel))) failed();
    },
    true
  );
  setTimeout(failed, 20000);
})();
