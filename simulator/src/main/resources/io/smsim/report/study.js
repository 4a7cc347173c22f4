/*
 * smsim compare and sweep reports: the options of their charts, from the chart-ready JSON in
 * #smsim-data (io.smsim.report.CompareCharts, io.smsim.report.SweepCharts); charts.js draws them
 * and records what it drew.
 *
 * Both draw means with 95% confidence intervals as whiskers. ECharts' custom series is not in the
 * embedded build (echarts.common), so a whisker is three segments of one line series with gaps:
 * the interval and a cap at each end. Categories (variants, parameter values) sit on a category
 * axis for their labels; the points are placed on a hidden value axis over the same extent, where
 * category k is at k, so that several groups can stand side by side within a category.
 */
(function () {
  'use strict';

  var REGION_COLORS = { north: '#c2410c', central: '#2563eb', south: '#15803d' };
  var PALETTE = ['#2563eb', '#c2410c', '#15803d', '#7c3aed', '#0891b2', '#b45309', '#be185d', '#4d7c0f', '#334e68'];

  var data = JSON.parse(document.getElementById('smsim-data').textContent);
  var charts = {};
  data.charts.forEach(function (c) { charts[c.id] = c; });

  function tooltip() {
    return {
      trigger: 'item',
      confine: true,
      formatter: function (p) {
        return p.data && p.data.text !== undefined
          ? p.marker + p.seriesName + '<br>' + p.data.category + ': ' + p.data.text
          : '';
      }
    };
  }

  /**
   * Means as symbols (joined by a line when spec.line), their 95% CIs as whiskers.
   * spec: { title, categories, groups: [{ name, color, points: [{ mean, ciLow, ciHigh, text } per category] }],
   *   horizontal, line, valueName, zero: label of a reference line at 0 (or none) }.
   */
  function dotWhisker(spec) {
    var n = spec.categories.length;
    var k = spec.groups.length;
    var step = k > 1 ? Math.min(0.6 / k, 0.2) : 0;
    var cap = Math.min(0.12, k > 1 ? step * 0.4 : 0.12);
    var h = spec.horizontal;
    function xy(pos, v) { return h ? [v, pos] : [pos, v]; }
    var series = [];
    spec.groups.forEach(function (g, gi) {
      var offset = (gi - (k - 1) / 2) * step;
      var means = [];
      var whiskers = [];
      g.points.forEach(function (p, i) {
        var pos = i + offset;
        if (p.mean === null) {
          means.push({ value: xy(pos, null) });
          return;
        }
        means.push({ value: xy(pos, p.mean), category: spec.categories[i], text: p.text });
        if (p.ciLow !== null && p.ciHigh !== null && p.ciLow < p.ciHigh) {
          whiskers.push(xy(pos, p.ciLow), xy(pos, p.ciHigh), xy(pos, null),
            xy(pos - cap, p.ciLow), xy(pos + cap, p.ciLow), xy(pos, null),
            xy(pos - cap, p.ciHigh), xy(pos + cap, p.ciHigh), xy(pos, null));
        }
      });
      var axes = h ? { xAxisIndex: 0, yAxisIndex: 1 } : { xAxisIndex: 1, yAxisIndex: 0 };
      series.push(Object.assign({ id: 'mean:' + g.name, name: g.name, type: spec.line ? 'line' : 'scatter',
        data: means, color: g.color, symbol: 'circle', symbolSize: 9, showSymbol: true, connectNulls: false,
        lineStyle: { width: 1.6 }, z: 3 }, axes));
      if (whiskers.length) {
        series.push(Object.assign({ id: 'ci:' + g.name, name: g.name, type: 'line', data: whiskers, color: g.color,
          showSymbol: false, connectNulls: false, silent: true, tooltip: { show: false },
          lineStyle: { width: 1.5 }, z: 2 }, axes));
      }
    });
    if (spec.zero && series.length) {
      series[0].markLine = { silent: true, symbol: 'none', lineStyle: { color: '#52606d', type: 'dashed' },
        label: { formatter: spec.zero, position: h ? 'start' : 'insideEndTop', fontSize: 11 },
        data: [h ? { xAxis: 0 } : { yAxis: 0 }] };
    }
    var categoryAxes = [
      { type: 'category', data: spec.categories, inverse: h, axisTick: { show: false }, axisLine: { onZero: false },
        axisLabel: { interval: 0, fontSize: 12, width: h ? 170 : undefined, overflow: 'truncate' },
        name: h ? '' : spec.categoryName, nameLocation: 'middle', nameGap: 30 },
      { type: 'value', min: -0.5, max: n - 0.5, inverse: h, show: false }
    ];
    // onZero off: the value axis's line stays at the grid's edge, not where the hidden axis has 0 (the first category)
    var valueAxis = { type: 'value', name: spec.valueName, nameLocation: 'middle', nameGap: h ? 30 : 56,
      axisLine: { show: true, onZero: false }, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    // counts tick in whole numbers; a metric that cannot be negative starts at 0 (a CI below it is cut there)
    if (spec.count) { valueAxis.minInterval = 1; }
    if (spec.nonNegative) { valueAxis.min = 0; }
    return {
      animation: false,
      title: { text: spec.title, left: 4, top: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      grid: h ? { left: 180, right: 40, top: 56, bottom: 48 } : { left: 80, right: 32, top: 56, bottom: 56 },
      legend: { top: 22, left: 4, type: 'scroll', itemHeight: 10, data: spec.groups.map(function (g) { return g.name; }) },
      tooltip: tooltip(),
      toolbox: { right: 8, top: 0, feature: { saveAsImage: {} } },
      xAxis: h ? valueAxis : categoryAxes,
      yAxis: h ? categoryAxes : valueAxis,
      series: series
    };
  }

  /** Counts (requests, births, incidents, failovers, processes) as opposed to minutes, milliseconds, ratios. */
  function isCount(metric) {
    return !/Minutes$|latencyMs|Ratio|ratio|Seconds$/.test(metric);
  }

  function compareOption(c) {
    var diff = c.kind === 'diff';
    return dotWhisker({
      count: isCount(c.metric),
      nonNegative: !diff,
      title: diff ? 'Difference in ' + c.label + ' from ' + data.baseline + ' (paired)' : c.label + ' per variant',
      categories: c.categories,
      groups: c.groups.map(function (g) {
        return { name: g.name, color: REGION_COLORS[g.region] || '#52606d', points: g.points };
      }),
      horizontal: true,
      line: false,
      valueName: diff ? c.label + ', variant − baseline' : c.label,
      zero: diff ? data.baseline : null
    });
  }

  function sweepOption(c) {
    return dotWhisker({
      count: isCount(c.metric),
      nonNegative: true,
      title: c.title,
      categories: c.x,
      categoryName: c.xName,
      groups: c.lines.map(function (l, i) {
        return { name: l.name, color: c.lines.length === 1 ? (REGION_COLORS[c.region] || PALETTE[0])
          : PALETTE[i % PALETTE.length], points: l.points };
      }),
      horizontal: false,
      line: true,
      valueName: c.label
    });
  }

  function option(el) {
    var c = charts[el.id];
    if (!c) { throw new Error('no data for chart ' + el.id); }
    return data.kind === 'sweep' ? sweepOption(c) : compareOption(c);
  }

  smsimCharts.draw(option, null);
})();
