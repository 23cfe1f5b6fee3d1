(function () {
  "use strict";
  var root = document.documentElement;
  var errors = [];
  function fail(message) {
    errors.push(String(message));
    root.setAttribute("data-errors", errors.join("\n"));
  }
  window.addEventListener("error", function (e) { fail(e.message); });
  try {
    var form = document.getElementById("filters");
    var showAll = document.getElementById("show-all");
    var shown = document.getElementById("shown");
    var checked = function (name) {
      var set = {};
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) {
        if (i.checked) { set[i.value] = true; }
      });
      return set;
    };
    var apply = function () {
      var locales = checked("locale"), rules = checked("rule"), severities = checked("severity");
      var all = showAll.checked;
      document.body.classList.toggle("show-all", all);
      document.querySelectorAll(".finding").forEach(function (li) {
        var d = li.dataset;
        var localeOn = locales[d.locale] || !form.querySelector('input[name="locale"][value="' + d.locale + '"]');
        li.hidden = !(localeOn && rules[d.rule] && severities[d.severity]);
      });
      document.querySelectorAll(".col:not(.reference)").forEach(function (c) {
        c.hidden = !locales[c.dataset.locale];
      });
      var count = 0;
      document.querySelectorAll(".msg, .filelevel").forEach(function (m) {
        var any = m.querySelector(".finding:not([hidden])") !== null;
        m.hidden = !(any || (all && m.classList.contains("msg")));
        if (!m.hidden && m.classList.contains("msg")) { count += 1; }
      });
      document.querySelectorAll("section.file").forEach(function (s) {
        s.hidden = s.querySelector(".msg:not([hidden]), .filelevel:not([hidden])") === null;
      });
      shown.textContent = count + (count === 1 ? " message shown" : " messages shown");
    };
    // `#all` in the address opens the page with every message shown.
    if (window.location.hash === "#all") { showAll.checked = true; }
    form.addEventListener("change", apply);
    apply();
    root.setAttribute("data-ready", "1");
  } catch (e) {
    fail(e && e.message ? e.message : e);
  }
})();
