// A check's latency chart: the canvas carries its Chart.js data as JSON in data-chart.
(function () {
  function charts() {
    if (typeof Chart === "undefined") {
      return;
    }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = JSON.parse(canvas.getAttribute("data-chart"));
      new Chart(canvas, {
        type: "line",
        data: { labels: spec.labels, datasets: spec.datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false, pointRadius: 0,
          scales: { y: { beginAtZero: true, title: { display: true, text: spec.unit } } } }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", charts);
})();
