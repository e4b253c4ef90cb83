// On a document page: select text in the document and a button offers to add an event from
// the sentence the selection starts in (the add-event form opens with that sentence chosen).
// The page's "Add a missed event" link does the same without this script.
(function () {
  "use strict";
  var box = document.querySelector("[data-add-event]");
  if (!box) { return; }
  var sentences = JSON.parse(box.dataset.sentences || "[]"); // [[idx, start, end], ...]
  var offer = document.createElement("a");
  offer.className = "add-from-selection";
  offer.textContent = "Add an event from this sentence";
  offer.hidden = true;
  document.body.appendChild(offer);
  // keep the selection when the button is pressed (it would be cleared before the click)
  offer.addEventListener("mousedown", function (ev) { ev.preventDefault(); });

  // Offsets on the server count code points; a JavaScript string counts UTF-16 units.
  function codePoints(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit < 0xDC00 || unit > 0xDFFF) { n++; } // a pair's second half is not counted
    }
    return n;
  }

  function offsetOf(node, offset) {
    var before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(node, offset);
    return codePoints(before.toString());
  }

  // The sentence holding `start`, else the first one that begins before `end`.
  function sentenceAt(start, end) {
    var i;
    for (i = 0; i < sentences.length; i++) {
      if (sentences[i][1] <= start && start < sentences[i][2]) { return sentences[i]; }
    }
    for (i = 0; i < sentences.length; i++) {
      if (start <= sentences[i][1] && sentences[i][1] < end) { return sentences[i]; }
    }
    return null;
  }

  function hide() { offer.hidden = true; }

  function show() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { hide(); return; }
    var range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer)) { hide(); return; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = box.contains(range.endContainer) ? offsetOf(range.endContainer, range.endOffset)
      : Infinity;
    var found = sentenceAt(start, end);
    if (!found) { hide(); return; }
    offer.href = box.dataset.addEvent + "?sentence=" + found[0];
    offer.dataset.sentence = String(found[0]);
    var rect = range.getBoundingClientRect();
    offer.style.top = (rect.bottom + window.scrollY + 6) + "px";
    offer.style.left = (rect.left + window.scrollX) + "px";
    offer.hidden = false;
  }

  var timer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(show, 120);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hide(); }
  });
})();
