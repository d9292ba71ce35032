// The page's first script, in its head, before anything is drawn (issue 18). The first
// question is in index.html as HTML, written at build time by the widget's own code
// (scripts/post_build.mjs), so it shows before the app has loaded:
// - shown (html.pre) only to a visitor who gets that question first from the app too: a
//   new one, or a reload on that very screen (the history entry the app records there,
//   written in below by scripts/post_build.mjs from the app's own code); anyone else
//   (saved answers, a share link, a reload on a later screen, English, an office's
//   ?region= or ?embed=1, a ?date= link, whose screen opens with a line about the
//   date) keeps the loading line until the app draws their own screen, so a wrong or
//   shifting screen never flashes;
// - a tap on it before the app has loaded is kept (the button's data-testid in
//   window.wugongTap, the button marked) and the app taps the same button on its first
//   screen, the same one (www/src/browser.rs: replay_early_tap);
// - without scripts it stays hidden: the loading line's <noscript> leads to fallback.html.
// Keep this file ES5 and under 1 KB (checked by scripts/post_build.mjs).
(function () {
  var root = document.documentElement;
  var saved = "";
  var settings = "";
  try {
    saved = localStorage.getItem("wugong.answers.v1") || "";
    settings = localStorage.getItem("wugong.settings.v1") || "";
  } catch (e) {}
  var scale = /scale=(\d+)/.exec(settings);
  if (scale) root.style.fontSize = Math.min(200, Math.max(100, +scale[1])) + "%";
  var first = "__WUGONG_FIRST_PLACE__";
  if (saved || location.hash.length > 1 || (history.state != null && history.state !== first) || /lang=en/.test(settings) ||
      /[?&](region|embed|lang|date)=/.test(location.search) || typeof WebAssembly != "object") return;
  root.className += " pre";
  if (!("speechSynthesis" in window && "SpeechSynthesisUtterance" in window)) root.className += " nosp";
  document.addEventListener("click", function (e) {
    var pre = document.querySelector("[data-pre]");
    var b = e.target;
    while (b && b.tagName != "BUTTON") b = b.parentNode;
    if (!b || !pre || !pre.contains(b)) return;
    e.preventDefault();
    var id = b.getAttribute("data-testid");
    var marked = pre.querySelectorAll(".chosen");
    for (var i = 0; i < marked.length; i++) marked[i].className = marked[i].className.replace(" chosen", "");
    if (!id) return;
    window.wugongTap = id;
    b.className += " chosen";
  }, true);
})();
