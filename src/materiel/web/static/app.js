// Bring the evidence sentence into view inside its document's scrolling box.
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("evidence") || document.querySelector("mark.evidence");
  if (mark) { mark.scrollIntoView({ block: "center" }); }
});
