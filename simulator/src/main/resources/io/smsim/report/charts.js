/*
 * smsim report charts, shared by every report.html (replay, compare, sweep): draws each [data-chart]
 * element with Apache ECharts from the option the page's own script builds for it, then records what
 * it drew in #smsim-render-status: each chart's series and point counts and every script error. The
 * browser test reads that record and the rendered SVG back from the page.
 */
var smsimCharts = (function () {
  'use strict';

  var TIMEOUT_MS = 8000;

  /**
   * Each series as drawn: its id, name, type, colour, the data points ECharts holds for it, and how
   * many of them have a value (gaps are null).
   */
  function seriesOf(chart) {
    var option = chart.getOption();
    var options = (option && option.series) || [];
    var model = chart.getModel && chart.getModel();
    return options.map(function (o, i) {
      var s = model ? model.getSeriesByIndex(i) : null;
      var valued = (o.data || []).filter(function (d) {
        var v = d && d.value ? d.value : d;
        return v && v[0] !== null && v[0] !== undefined && v[1] !== null && v[1] !== undefined;
      }).length;
      return { id: o.id, name: o.name, type: o.type, color: o.color,
        points: s ? s.getData().count() : (o.data || []).length, valued: valued };
    });
  }

  /**
   * Draws every [data-chart] element of the page with the SVG renderer: {@code option(element)}
   * gives its ECharts option. Returns the charts; once all have finished (or after a timeout), the
   * record of what was drawn is written once, in a JSON script element and as data-render on <html>.
   */
  function draw(option, group) {
    var charts = [];
    var finished = 0;
    var reported = false;

    function report(timedOut) {
      if (reported) { return; }
      reported = true;
      var status = { charts: [], expected: document.querySelectorAll('[data-chart]').length, timedOut: !!timedOut };
      charts.forEach(function (c) {
        var el = c.getDom();
        var entry = { id: el.id, kind: el.getAttribute('data-chart'), region: el.getAttribute('data-region'),
          svg: el.querySelectorAll('svg').length, paths: el.querySelectorAll('svg path').length, series: [] };
        try {
          entry.series = seriesOf(c);
        } catch (e) {
          window.smsimErrors.push('status of ' + el.id + ': ' + e);
        }
        status.charts.push(entry);
      });
      status.errors = window.smsimErrors.slice();
      var s = document.createElement('script');
      s.type = 'application/json';
      s.id = 'smsim-render-status';
      s.textContent = JSON.stringify(status);
      document.body.appendChild(s);
      document.documentElement.setAttribute('data-render',
        status.errors.length || timedOut || status.charts.length !== status.expected ? 'failed' : 'done');
    }

    function onFinished(chart) {
      var done = false;
      chart.on('finished', function () {
        if (done) { return; }
        done = true;
        finished++;
        if (finished === charts.length) { report(false); }
      });
    }

    var elements = document.querySelectorAll('[data-chart]');
    for (var i = 0; i < elements.length; i++) {
      try {
        var chart = echarts.init(elements[i], null, { renderer: 'svg' });
        if (group) { chart.group = group; }
        charts.push(chart);
        onFinished(chart);
      } catch (e) {
        window.smsimErrors.push('chart ' + elements[i].id + ': ' + e);
      }
    }
    charts.slice().forEach(function (chart) {
      try {
        chart.setOption(option(chart.getDom()));
      } catch (e) {
        window.smsimErrors.push('chart ' + chart.getDom().id + ': ' + (e && e.stack ? e.stack : e));
      }
    });
    if (!charts.length) { report(false); }
    setTimeout(function () { report(true); }, TIMEOUT_MS);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    return charts;
  }

  return { draw: draw };
})();
