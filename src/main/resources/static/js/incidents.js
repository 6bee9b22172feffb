// Incident pages: live SLA countdowns and the analytics charts (data from data-* attributes,
// since the content security policy allows no inline script).
(function () {
  function human(ms) {
    var minutes = Math.round(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), rest = minutes % 60;
    var parts = [];
    if (days) parts.push(days + " d");
    if (hours) parts.push(hours + " h");
    if (rest && !days) parts.push(rest + " min");
    return parts.length ? parts.join(" ") : "under a minute";
  }
  function tick() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var left = new Date(el.getAttribute("data-countdown")).getTime() - Date.now();
      el.textContent = left > 0 ? "due in " + human(left) : "overdue by " + human(left);
    });
  }
  function charts() {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = JSON.parse(canvas.getAttribute("data-chart"));
      new Chart(canvas, {
        type: "bar",
        data: { labels: spec.labels, datasets: spec.datasets },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: { beginAtZero: true, title: { display: true, text: spec.unit } } } }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    setInterval(tick, 30000);
    charts();
  });
})();
