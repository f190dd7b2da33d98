// Where the keyboard starts on a page: on the error summary after a form came back with
// errors (so a screen reader reads what to fix, and each item links to its field), or on
// the main heading after log-in, so that nobody starts again from the top of the page.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    return;
  }
  if (document.body.hasAttribute("data-focus-heading")) {
    var heading = document.querySelector("main h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }
})();
