/*
 * Forms on pages kept by the front cache carry an empty CSRF field (the cacheable_csrf_token tag): the page is the
 * same for everyone. The token is fetched from the portal when the visitor starts on the form, or at the latest
 * when they send it, and written into the field. If it cannot be fetched the form is sent anyway: the portal then
 * answers with a page keeping what was typed and a button to send it again (groundwork.frontcache.csrf_failure).
 */
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-csrf-token]");
  if (!fields.length) {
    return;
  }
  var pending = null;

  function fetchToken() {
    if (!pending) {
      pending = fetch(fields[0].dataset.csrfToken, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (data) {
          fields.forEach(function (field) {
            field.value = data.token;
          });
        })
        .catch(function () {
          pending = null; // try again on the next attempt
        });
    }
    return pending;
  }

  fields.forEach(function (field) {
    var form = field.form;
    if (!form) {
      return;
    }
    form.addEventListener("focusin", fetchToken, { once: true });
    form.addEventListener("submit", function (event) {
      if (field.value) {
        return;
      }
      event.preventDefault();
      fetchToken().then(function () {
        form.submit();
      });
    });
  });
})();
