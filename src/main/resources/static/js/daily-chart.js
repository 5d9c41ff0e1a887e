// The daily chart above the Lookup and All Transactions Search tables (transaction/summary.html):
// one uPlot line chart per currency, charges and refunds per day, read from the data- attributes
// of each [data-daily-chart] box (no inline script: CSP script-src 'self'). The same figures are
// in the "Daily figures" table, the text alternative; printing opens it and redraws the charts at
// paper width. After an htmx swap of the results, the new boxes are drawn.
(function () {
  'use strict';

  var charts = [];

  function list(value) {
    return value ? value.split(',') : [];
  }

  // Dates are UTC midnights, shown in UTC, so no browser zone or DST ever moves a day.
  function seconds(isoDate) {
    var p = isoDate.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 1000;
  }

  function isoDay(secs) {
    return new Date(secs * 1000).toISOString().slice(0, 10);
  }

  function width(box) {
    return Math.max(280, Math.min(box.clientWidth || 640, 1100));
  }

  function draw(box) {
    if (box.getAttribute('data-rendered') === 'true' || typeof window.uPlot !== 'function') {
      return;
    }
    var dates = list(box.getAttribute('data-dates'));
    // the figures are exact decimal strings; the chart only needs their height on the axis
    var data = [dates.map(seconds), list(box.getAttribute('data-charges')).map(Number),
      list(box.getAttribute('data-refunds')).map(Number)];
    var options = {
      width: width(box),
      height: 220,
      tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: { x: { time: true } },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: box.getAttribute('data-label-date') || 'Date',
          value: function (u, v) { return v == null ? '--' : isoDay(v); } },
        { label: box.getAttribute('data-label-charges') || 'Charges', stroke: '#1a73e8', width: 2,
          fill: 'rgba(26, 115, 232, 0.08)', points: { show: true, size: 6 } },
        { label: box.getAttribute('data-label-refunds') || 'Refunds', stroke: '#b3261e', width: 2, dash: [6, 4],
          points: { show: true, size: 6 } }
      ],
      // ticks on whole days only, labelled MM-DD (the period line above says the year)
      axes: [{ space: 50, incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400],
               values: function (u, splits) { return splits.map(function (v) { return isoDay(v).slice(5); }); } },
             { size: 70 }]
    };
    var chart = new window.uPlot(options, data, box);
    charts.push({ box: box, chart: chart });
    box.setAttribute('data-rendered', 'true');
    box.setAttribute('data-rendered-days', String(data[0].length));
  }

  function drawAll(root) {
    charts = charts.filter(function (c) { return c.box.isConnected; });
    (root || document).querySelectorAll('[data-daily-chart]').forEach(draw);
  }

  function resizeAll(paperWidth) {
    charts.forEach(function (c) {
      c.chart.setSize({ width: paperWidth || width(c.box), height: 220 });
    });
  }

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { resizeAll(); }, 150);
  });

  // print: the figures table opens, the charts fit the paper (about 17 cm at 96 dpi)
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details[data-print-open]:not([open])').forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
    resizeAll(640);
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
    resizeAll();
  });

  document.body.addEventListener('htmx:afterSettle', function (e) { drawAll(e.target); });
  drawAll(document);
})();
