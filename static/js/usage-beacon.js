/*
 * Counts one reading of this page for the report and the procedures' statistics (reporting.usage): a beacon
 * naming the page, sent once it is shown, so that a page served by the front cache counts too and serving a page
 * writes nothing. No cookie is read or set, no identifier is sent.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) {
    return;
  }
  var data = new URLSearchParams({ page: script.dataset.page });
  if (script.dataset.procedure) {
    data.append("procedure", "1");
  }
  navigator.sendBeacon(script.dataset.url, data);
})();
