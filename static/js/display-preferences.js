/* Display preferences (R12): larger text and high contrast, kept in this browser only (localStorage).
   Loaded in <head> without defer, so the saved choice is on <html> before the page is painted; the controls in the
   top bar (hidden without JavaScript) are wired once the document is parsed. No framework, no cookie, no server. */
(function () {
  "use strict";

  var SIZE_KEY = "portal:text-size";
  var CONTRAST_KEY = "portal:contrast";
  var SIZES = ["100", "115", "130", "150"]; /* per cent of the normal size: normal, then three larger steps */
  var root = document.documentElement;

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; /* storage refused (private mode, policy): the page keeps its defaults */
    }
  }

  function write(key, value) {
    try {
      if (value) {
        window.localStorage.setItem(key, value);
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      /* not kept, but applied to this page all the same */
    }
  }

  function size() {
    var saved = read(SIZE_KEY);
    return SIZES.indexOf(saved) > 0 ? saved : SIZES[0];
  }

  function highContrast() {
    return read(CONTRAST_KEY) === "high";
  }

  function apply() {
    if (size() === SIZES[0]) {
      root.removeAttribute("data-text-size");
    } else {
      root.setAttribute("data-text-size", size());
    }
    if (highContrast()) {
      root.setAttribute("data-contrast", "high");
    } else {
      root.removeAttribute("data-contrast");
    }
  }

  function showState(controls) {
    var buttons = controls.querySelectorAll("[data-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-text-size") === size()));
    }
    var contrast = controls.querySelector("[data-contrast]");
    if (contrast) {
      contrast.setAttribute("aria-pressed", String(highContrast()));
    }
  }

  apply();

  document.addEventListener("DOMContentLoaded", function () {
    var controls = document.querySelector("[data-display-preferences]");
    if (!controls) {
      return;
    }
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !controls.contains(button)) {
        return;
      }
      if (button.hasAttribute("data-text-size")) {
        var chosen = button.getAttribute("data-text-size");
        write(SIZE_KEY, chosen === SIZES[0] ? "" : chosen);
      } else if (button.hasAttribute("data-contrast")) {
        write(CONTRAST_KEY, highContrast() ? "" : "high");
      }
      apply();
      showState(controls);
    });
    /* A choice made in another tab of this site applies here too. */
    window.addEventListener("storage", function () {
      apply();
      showState(controls);
    });
    showState(controls);
    controls.hidden = false;
  });
})();
