// Storyline pages: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Article page: switch the highlights off and on.
  var toggle = document.getElementById("toggle-highlights");
  var text = document.getElementById("article-text");
  if (toggle && text) {
    toggle.addEventListener("change", function () {
      text.classList.toggle("plain", !toggle.checked);
    });
  }

  // A link to a sentence (#s12) or a timeline entry: bring it to the middle of the screen
  // and mark it; :target in the stylesheet does the rest.
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var previous = document.querySelectorAll(".focused");
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove("focused");
    el.classList.add("focused");
    var details = el.querySelector("details");
    if (details) details.open = true;
    el.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", focusTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusTarget);
  } else {
    focusTarget();
  }
})();
