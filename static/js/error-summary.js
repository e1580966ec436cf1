/*
 * GOV.UK's error summary (templates/components/error_summary.html): focused when the page loads, so that a
 * screen reader reads it first and the keyboard starts from it; each of its links moves the focus to its field and
 * brings the field's label into view (a plain link to the input would hide the label above the top of the screen).
 * A file of its own: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    (field.closest(".form-field") || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
