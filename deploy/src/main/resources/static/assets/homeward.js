// Homeward's one script: it only improves pages that already work without it.
"use strict";

// A form is sent once: its button is disabled while the answer comes (the form's own key would make a second
// send harmless anyway).
document.addEventListener("submit", function (event) {
  var buttons = event.target.querySelectorAll("button[type=submit]");
  window.setTimeout(function () {
    buttons.forEach(function (button) { button.disabled = true; });
  }, 0);
});

// The first problem on a page takes the focus, so a screen reader says it at once.
document.addEventListener("DOMContentLoaded", function () {
  var problem = document.getElementById("problem");
  if (problem) {
    problem.focus();
  }
});

// Elements with data-poll="URL" are refreshed from that page fragment every second while data-poll-until is not
// met: the administrator's rebuild progress. Without the script the page offers a reload link instead.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-poll]").forEach(function (element) {
    var url = element.getAttribute("data-poll");
    var timer = window.setInterval(function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (answer) { return answer.ok ? answer.text() : Promise.reject(answer.status); })
        .then(function (html) {
          element.innerHTML = html;
          if (element.querySelector("[data-poll-done]")) {
            window.clearInterval(timer);
          }
        })
        .catch(function () { window.clearInterval(timer); });
    }, 1000);
  });
});
