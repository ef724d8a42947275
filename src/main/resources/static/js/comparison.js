// Case comparison charts: a Chart.js line chart per table (the table stays, for screen readers and
// without JavaScript), the host country's mission periods shaded as bands behind the lines.
(function () {
  "use strict";

  // draws data-bands ("from,to,label;...", years) as shaded bands on the category axis, and the
  // comparison countries' missions (data-compare-bands) as a strip along the bottom
  var bandsPlugin = {
    id: "missionBands",
    beforeDatasetsDraw: function (chart, args, options) {
      var bands = (options.bands || []).map(function (b) {
        return { from: b.from, to: b.to, label: b.label, strip: false };
      }).concat((options.compareBands || []).map(function (b) {
        return { from: b.from, to: b.to, label: b.label, strip: true };
      }));
      var x = chart.scales.x;
      var area = chart.chartArea;
      var labels = chart.data.labels;
      var ctx = chart.ctx;
      ctx.save();
      bands.forEach(function (band, i) {
        var first = labels.indexOf(String(Math.max(band.from, Number(labels[0]))));
        var last = labels.indexOf(String(Math.min(band.to, Number(labels[labels.length - 1]))));
        if (first < 0 || last < 0 || first > last) {
          return;
        }
        var half = labels.length > 1 ? (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 : 10;
        var left = Math.max(area.left, x.getPixelForValue(first) - half);
        var right = Math.min(area.right, x.getPixelForValue(last) + half);
        ctx.font = "12px sans-serif";
        if (band.strip) {
          var height = 16;
          var top = area.bottom - height * (1 + (i % 2));
          ctx.fillStyle = "rgba(164, 0, 29, 0.18)";
          ctx.fillRect(left, top, right - left, height);
          ctx.fillStyle = "#4a5561";
          ctx.fillText(band.label, left + 2, top + 12);
          return;
        }
        ctx.fillStyle = i % 2 === 0 ? "rgba(11, 79, 138, 0.12)" : "rgba(179, 92, 0, 0.12)";
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        ctx.fillStyle = "#4a5561";
        ctx.fillText(band.label, left + 4, area.top + 14);
      });
      ctx.restore();
    }
  };

  function draw() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-comparison-for]").forEach(function (canvas) {
      var table = document.getElementById(canvas.getAttribute("data-comparison-for"));
      if (!table || canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-kind]"));
      var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
      var labels = rows.map(function (tr) {
        return tr.getAttribute("data-year");
      });
      var palette = ["#0b4f8a", "#a4001d", "#1d6b2f", "#7a1f5c", "#005f73", "#b35c00"];
      var datasets = heads.map(function (th, c) {
        var region = th.getAttribute("data-kind") === "REGION";
        return {
          label: th.textContent.trim(),
          data: rows.map(function (tr) {
            var v = tr.querySelectorAll("td")[c].getAttribute("data-value");
            return v === null || v === "" ? null : Number(v);
          }),
          borderColor: region ? "#4a5561" : palette[c % palette.length],
          backgroundColor: region ? "#4a5561" : palette[c % palette.length],
          borderDash: region ? [6, 4] : [],
          spanGaps: true,
          tension: 0.1
        };
      });
      function parse(text) {
        return (text || "").split(";").filter(Boolean).map(function (b) {
          var p = b.split(",");
          return { from: Number(p[0]), to: Number(p[1]), label: p.slice(2).join(",") };
        });
      }
      var bands = parse(canvas.getAttribute("data-bands"));
      var compareBands = parse(canvas.getAttribute("data-compare-bands"));
      new window.Chart(canvas, {
        type: "line",
        data: { labels: labels, datasets: datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: document.documentElement.lang || "en",
          plugins: { missionBands: { bands: bands, compareBands: compareBands } }
        },
        plugins: [bandsPlugin]
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
