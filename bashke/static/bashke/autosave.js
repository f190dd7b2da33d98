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
  // Once the idea is being published the draft is over: a save sent as the page is left
  // would otherwise bring this idea back into the next one's form. The server refuses such
  // a save too (409), whatever a browser sends.
  var finished = false;

  function save() {
    if (!dirty || finished) { return; }
    dirty = false;
    var data = new FormData(form);
    fetch(form.getAttribute("data-autosave"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 409) { finished = true; }
      if (!response.ok || !status) { return null; }
      return response.json();
    }).then(function (body) {
      if (body && status) {
        status.textContent = status.getAttribute("data-saved-text") + " " + body.saved_at_text;
      }
    }).catch(function () { dirty = true; });
  }

  function schedule() {
    if (finished) { return; }
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function () {
    finished = true;
    window.clearTimeout(timer);
  });
  window.addEventListener("pagehide", save);
})();
