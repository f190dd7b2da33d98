// Keeps a draft of the idea form on the server while the person writes, so that a reload,
// a closed tab or a lost connection loses nothing. Without JavaScript the form still works;
// only the draft is not kept.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var status = document.querySelector(".autosave-status");
  var timer = null;
  var dirty = false;

  function save() {
    if (!dirty) { return; }
    dirty = false;
    var data = new FormData(form);
    fetch(form.getAttribute("data-autosave"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.ok && status) {
        var now = new Date();
        status.textContent = status.getAttribute("data-saved-text") + " " +
          now.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      }
    }).catch(function () { dirty = true; });
  }

  function schedule() {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  window.addEventListener("pagehide", save);
})();
