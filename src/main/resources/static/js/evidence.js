// Charts of the impact estimators, drawn from the result tables (which stay: the page works
// without JavaScript). Event study: estimates with 95% interval whiskers by relative period.
// Synthetic control: treated and synthetic series, and the gap, with the treatment start marked.
(function () {
  "use strict";

  function num(value) {
    return value === null || value === undefined || value === "" ? null : Number(value);
  }

  function rows(tableId) {
    var table = document.getElementById(tableId);
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
  }

  function headers(tableId) {
    var table = document.getElementById(tableId);
    return Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
  }

  // a dashed vertical line at the label equal to the canvas' data-start
  var startLine = {
    id: "evidenceStart",
    afterDatasetsDraw: function (chart) {
      var start = chart.canvas.getAttribute("data-start");
      if (start === null) {
        return;
      }
      var index = chart.data.labels.indexOf(start);
      if (index < 0) {
        return;
      }
      var x = chart.scales.x.getPixelForValue(index);
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#4a5561";
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chart.chartArea.top);
      ctx.lineTo(x, chart.chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    }
  };

  function options() {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: document.documentElement.lang || "en"
    };
  }

  function eventStudy(canvas) {
    var trs = rows(canvas.getAttribute("data-table")).filter(function (tr) {
      return tr.getAttribute("data-relative") !== null && tr.getAttribute("data-relative") !== "";
    });
    var labels = trs.map(function (tr) { return tr.getAttribute("data-relative"); });
    new window.Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          {
            type: "bar",
            label: canvas.getAttribute("data-label-ci"),
            data: trs.map(function (tr) {
              var low = num(tr.getAttribute("data-low"));
              var high = num(tr.getAttribute("data-high"));
              return low === null || high === null ? null : [low, high];
            }),
            backgroundColor: "rgba(11, 79, 138, 0.35)",
            barPercentage: 0.15
          },
          {
            type: "line",
            label: canvas.getAttribute("data-label-estimate"),
            data: trs.map(function (tr) { return num(tr.getAttribute("data-estimate")); }),
            borderColor: "#0b4f8a",
            backgroundColor: "#0b4f8a",
            showLine: false,
            pointRadius: 4
          }
        ]
      },
      options: options()
    });
  }

  function synth(canvas, gap) {
    var tableId = canvas.getAttribute("data-table");
    var trs = rows(tableId);
    var names = headers(tableId);
    var labels = trs.map(function (tr) { return tr.getAttribute("data-time"); });
    var datasets = gap
      ? [{
          label: names[3],
          data: trs.map(function (tr) { return num(tr.getAttribute("data-gap")); }),
          borderColor: "#b35c00",
          backgroundColor: "#b35c00"
        }]
      : [{
          label: names[1],
          data: trs.map(function (tr) { return num(tr.getAttribute("data-treated")); }),
          borderColor: "#0b4f8a",
          backgroundColor: "#0b4f8a"
        }, {
          label: names[2],
          data: trs.map(function (tr) { return num(tr.getAttribute("data-synthetic")); }),
          borderColor: "#1d6b2f",
          backgroundColor: "#1d6b2f",
          borderDash: [6, 4]
        }];
    new window.Chart(canvas, {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: options(),
      plugins: [startLine]
    });
  }

  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-evidence-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var kind = canvas.getAttribute("data-evidence-chart");
      if (kind === "event-study") {
        eventStudy(canvas);
      } else {
        synth(canvas, kind === "gap");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
