// The desk's keys, and nothing else: the pages work without this script.
// Outside a text field: a approve, o or s skip, r reject, e write, m remember, → or j next,
// ← or k previous, / search, S (Shift+s) the send page, L the list. In a text field: Ctrl+Enter approve, Ctrl+S save, Esc leaves it.
(function () {
  "use strict";
  var click = function (id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  };
  var go = function (id) {
    var el = document.getElementById(id);
    if (el && el.href) { window.location.href = el.href; return true; }
    return false;
  };
  var text = document.getElementById("text");
  var dirty = false;
  if (text) {
    // The personal share and the warnings, again, a moment after the person stops typing.
    var measuring = null;
    var letterForm = document.getElementById("letter");
    var measure = function () {
      var body = new URLSearchParams();
      body.set("text", text.value);
      fetch(letterForm.getAttribute("data-measure"), {
        method: "POST", credentials: "same-origin", body: body
      }).then(function (r) { return r.json(); }).then(function (m) {
        document.getElementById("share").textContent = m.share;
        var list = document.getElementById("warnings");
        list.textContent = "";
        m.warnings.forEach(function (w) {
          var li = document.createElement("li");
          li.textContent = w;
          list.appendChild(li);
        });
      }).catch(function () {});
    };
    text.addEventListener("input", function () {
      dirty = true;
      clearTimeout(measuring);
      measuring = setTimeout(measure, 500);
    });
    var form = document.getElementById("letter");
    if (form) { form.addEventListener("submit", function () { dirty = false; }); }
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  }
  var filters = document.getElementById("filters");
  if (filters) {
    Array.prototype.forEach.call(filters.querySelectorAll("select"), function (s) {
      s.addEventListener("change", function () { filters.submit(); });
    });
  }
  // A send or replies under way: its lines as they come, then the page again, with the states.
  var progress = document.getElementById("progress");
  if (progress && progress.getAttribute("data-running") === "1") {
    var poll = function () {
      fetch("/run", { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (run) {
          if (!run) { return; }
          progress.textContent = run.lines.join("\n") + "\n";
          if (run.back) { window.location.reload(); } else { setTimeout(poll, 500); }
        }).catch(function () { setTimeout(poll, 1000); });
    };
    setTimeout(poll, 300);
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" || t.tagName === "SELECT");
    if (typing) {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && t.id === "text") {
        e.preventDefault(); click("approve");
      } else if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S") && t.id === "text") {
        e.preventDefault(); click("save");
      } else if (e.key === "Escape") {
        t.blur();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var done = false;
    switch (e.key) {
      case "a": done = click("approve"); break;
      case "o": case "s": done = click("skip"); break;
      case "r": done = click("reject"); break;
      case "e": if (text) { text.focus(); done = true; } break;
      case "m": var m = document.getElementById("memory"); if (m) { m.focus(); done = true; } break;
      case "ArrowRight": case "j": done = go("next"); break;
      case "ArrowLeft": case "k": done = go("prev"); break;
      case "/": var q = document.getElementById("search"); if (q) { q.focus(); done = true; } break;
      case "S": done = go("to-send"); break;
      case "L": window.location.href = "/"; done = true; break;
    }
    if (done) { e.preventDefault(); }
  });
})();
