// Review keys (a accept, x reject, e edit, space skip, u undo), and KB suggestions for the
// entity fields; the forms and links work the same without this script.
(function () {
  "use strict";
  function typing(target) {
    return target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) { return; }
    var el = document.querySelector('[data-key="' + (ev.key === " " ? " " : ev.key) + '"]');
    if (!el) { return; }
    ev.preventDefault();
    if (el.tagName === "FORM") { el.submit(); } else { el.click(); }
  });
  var timer = null;
  document.addEventListener("input", function (ev) {
    var field = ev.target;
    if (!field.classList || !field.classList.contains("kb-id") || field.value.length < 2) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch("/api/v1/kb/search?limit=8&q=" + encodeURIComponent(field.value))
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) {
          var list = document.getElementById("kb-options");
          list.textContent = "";
          data.items.forEach(function (hit) {
            var option = document.createElement("option");
            option.value = hit.id;
            option.label = hit.name + " (" + hit.type + ")";
            list.appendChild(option);
          });
        });
    }, 200);
  });
})();
