// Bring the evidence sentence into view inside its document's scrolling box.
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("evidence") || document.querySelector("mark.evidence");
  if (mark) { mark.scrollIntoView({ block: "center" }); }
});

// The feed shows a facet whose count did not finish in time without counts; fetch them
// (counted alone, then kept by the server) and put them in its place.
document.addEventListener("DOMContentLoaded", function () {
  var facets = document.querySelector("aside.facets[data-counts]");
  if (!facets) { return; }
  fetch(facets.dataset.counts, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) { return; }
      Object.keys(data.facets).forEach(function (name) {
        var section = facets.querySelector('section.pending[data-facet="' + name + '"]');
        if (!section) { return; }
        var list = document.createElement("ul");
        data.facets[name].forEach(function (v) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          var count = document.createElement("span");
          if (v.on) { item.className = "on"; }
          link.href = v.href;
          link.textContent = v.label;
          count.className = "count";
          count.textContent = v.events;
          item.append(link, " ", count);
          list.append(item);
        });
        if (!data.facets[name].length) {
          var none = document.createElement("li");
          none.className = "empty";
          none.textContent = "none";
          list.append(none);
        }
        section.querySelector(".timed-out").replaceWith(list);
        section.classList.remove("pending");
      });
      // the total counts what the rows are: real events, or mentions (data-noun)
      var total = document.querySelector(".events-total");
      if (total && data.total !== null) {
        var noun = total.dataset.noun || "event";
        total.textContent = data.total.toLocaleString("en") + " " + noun
          + (data.total === 1 ? "" : "s");
      }
    });
});
