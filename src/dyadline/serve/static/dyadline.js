// dyadline article page: clicking a marked stretch shows every coding of the spans covering it.
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.getElementById("dyadline-coding");
  if (!panel) { return; }
  document.querySelectorAll(".dyadline-text .seg").forEach(function (seg) {
    seg.addEventListener("click", function () {
      panel.textContent = seg.getAttribute("title") || "";
    });
  });
});
