// Indicator form: the numerator and denominator only matter for a RATIO indicator, so they are
// hidden for the other aggregations. Without this file they are always shown, with a hint.
(function () {
  "use strict";
  function update() {
    var aggregation = document.getElementById("aggregation");
    if (!aggregation) {
      return;
    }
    document.querySelectorAll("[data-ratio-only]").forEach(function (box) {
      box.hidden = aggregation.value !== "RATIO" && !box.querySelector('[aria-invalid="true"]');
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var aggregation = document.getElementById("aggregation");
    if (aggregation) {
      aggregation.addEventListener("change", update);
      update();
    }
  });
})();
