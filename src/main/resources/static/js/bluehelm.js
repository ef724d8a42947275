// Bluehelm: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Navigation menus (details elements, which work without this file): one open at a time, and
  // closed by Escape or a click elsewhere.
  function closeMenus(except) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (menu !== except) {
        menu.removeAttribute("open");
      }
    });
  }
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.menu") && event.target.open) {
      closeMenus(event.target);
    }
  }, true);
  document.addEventListener("click", function (event) {
    if (!event.target.closest("details.menu")) {
      closeMenus(null);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var open = document.querySelector("details.menu[open]");
      closeMenus(null);
      if (open) {
        open.querySelector("summary").focus();
      }
    }
  });

  // Ask before a destructive action.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Forms marked data-warn-unsaved warn before the page is left with unsaved changes.
  var dirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-warn-unsaved")) {
      dirty = true;
      var status = event.target.form.querySelector("[data-unsaved-status]");
      if (status) {
        status.hidden = false;
      }
    }
  });
  document.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // Canvases with data-chart-for get a Chart.js chart drawn from the cells of that table (the table
  // stays): a line chart, or the type named by data-chart-type (e.g. "bar").
  function drawCharts() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart-for]").forEach(function (canvas) {
      var table = document.getElementById(canvas.getAttribute("data-chart-for"));
      if (!table || canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "1";
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      // columns whose header has class chart-skip (e.g. a coverage beside a score) stay in the table only
      var skipped = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.classList.contains("chart-skip");
      });
      var rows = Array.prototype.map.call(table.querySelectorAll("tbody tr"), function (tr) {
        return Array.prototype.map.call(tr.children, function (td) {
          return td.getAttribute("data-value");
        });
      });
      var labels = rows.map(function (r, i) {
        return table.querySelectorAll("tbody tr")[i].children[0].textContent.trim();
      });
      var palette = ["#0b4f8a", "#b35c00", "#1d6b2f", "#7a1f5c", "#4a5561", "#a4001d", "#005f73"];
      var datasets = [];
      for (var c = 1; c < headers.length; c++) {
        if (skipped[c]) {
          continue;
        }
        var dashed = (table.getAttribute("data-dashed") || "").split(",").indexOf(String(c)) >= 0;
        datasets.push({
          label: headers[c],
          data: rows.map(function (r) {
            return r[c] === null || r[c] === "" ? null : Number(r[c]);
          }),
          borderColor: palette[(c - 1) % palette.length],
          backgroundColor: palette[(c - 1) % palette.length],
          borderDash: dashed ? [6, 4] : [],
          spanGaps: true,
          tension: 0.1
        });
      }
      // data-chart-type="bar" draws bars instead of lines; data-chart-max fixes the top of the scale
      var max = canvas.getAttribute("data-chart-max");
      new window.Chart(canvas, {
        type: canvas.getAttribute("data-chart-type") || "line",
        data: { labels: labels, datasets: datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: document.documentElement.lang || "en",
          scales: { y: max === null ? { beginAtZero: true } : { beginAtZero: true, max: Number(max) } }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", drawCharts);
  document.addEventListener("htmx:afterSettle", drawCharts);
})();
