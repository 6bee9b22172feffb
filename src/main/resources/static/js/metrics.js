// Draws the explore page's line chart from the data-line-chart attribute.
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-line-chart]").forEach(function (canvas) {
      var spec = JSON.parse(canvas.getAttribute("data-line-chart"));
      spec.datasets.forEach(function (d) { d.pointRadius = 0; d.borderWidth = 1.5; d.spanGaps = false; });
      new Chart(canvas, {
        type: "line",
        data: { labels: spec.labels, datasets: spec.datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          interaction: { mode: "nearest", intersect: false },
          plugins: { legend: { display: spec.datasets.length <= 10 } } }
      });
    });
  });
})();
