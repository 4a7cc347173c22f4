/*
 * smsim load report: for each run in #smsim-data (written by io.smsim.load.LoadReportHtml), draws
 * throughput, latency percentiles and response codes over time with Apache ECharts; the failover
 * bench adds the faulted region's success ratio, and marks the fault, the failover decision, the
 * switchover, restarts and recovery. Time is seconds since the run's start; the time after the
 * last send (final responses still arriving, then the grace period) is shaded and labelled.
 * Response codes are stacked bars on a category axis (one bar per second: the codes of a second
 * add up to the outcomes known in it). What was drawn is recorded in #smsim-render-status,
 * including the rendered height of each stacked bar read back from the chart's layout, so a test
 * can compare what a reader sees with the data.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('smsim-data').textContent);
  var host = document.getElementById('runs');
  var drawn = [];
  var GROUP = 'smsim-load';
  var CODE_COLORS = { I0: '#1e7b34', I99: '#1e7b34', timeout: '#7c3aed', 'timeout:no-ack': '#a855f7' };
  var ERROR_COLORS = ['#b42318', '#f59e0b', '#9a3412', '#db2777', '#64748b', '#ea580c', '#be123c', '#a16207'];

  function seconds(n) {
    var t = [];
    for (var i = 0; i < n; i++) { t.push(i); }
    return t;
  }

  function pairs(values) {
    var out = [];
    for (var i = 0; i < values.length; i++) {
      out.push([i + 0.5, values[i] === null ? null : values[i]]);
    }
    return out;
  }

  function markLines(run, toX) {
    return {
      symbol: 'none', silent: true, label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
      lineStyle: { color: '#334155', type: 'dashed' },
      data: run.markers.map(function (m) { return { name: m.label, xAxis: toX(m.t) }; })
    };
  }

  /** The seconds after the last send: answers still arriving, then the grace period. */
  function afterSending(run, toX, n) {
    if (!(run.sendingSeconds < n)) { return undefined; }
    return {
      silent: true, itemStyle: { color: 'rgba(100, 116, 139, 0.10)' },
      label: { position: 'insideTop', color: '#475569', fontSize: 11 },
      data: [[{ name: 'after the last send: answers, then grace', xAxis: toX(run.sendingSeconds) },
        { xAxis: toX(n) }]]
    };
  }

  function identity(t) { return t; }

  function chart(parent, title, aria, option) {
    var h = document.createElement('h3');
    h.textContent = title;
    h.style.margin = '14px 0 0';
    h.style.fontSize = '15px';
    parent.appendChild(h);
    var div = document.createElement('div');
    div.className = 'chart';
    div.setAttribute('role', 'img');
    div.setAttribute('aria-label', aria);
    parent.appendChild(div);
    var c = echarts.init(div, null, { renderer: 'svg' });
    option.animation = false;
    option.tooltip = { trigger: 'axis' };
    var twoAxes = Array.isArray(option.yAxis);
    option.grid = { left: 64, right: twoAxes ? 80 : 24, top: 40, bottom: 56 };
    option.legend = { top: 0, type: 'scroll' };
    option.dataZoom = [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }];
    if (!option.xAxis) {
      option.xAxis = { type: 'value', name: 's since start', nameLocation: 'middle', nameGap: 26, min: 0,
        max: option.maxX };
    }
    delete option.maxX;
    c.setOption(option);
    c.group = GROUP;
    var entry = { title: title, series: option.series.length };
    drawn.push(entry);
    return { chart: c, status: entry };
  }

  /**
   * The height of each second's stacked bar as drawn, in data units: the top of the highest bar
   * rectangle of that second (from the chart's own layout), read back through the y axis. For
   * bars stacked as they should be this is the sum of the second's codes; for bars drawn over each
   * other it is only the largest.
   */
  function renderedStackTotals(c, seriesCount, n) {
    var model = c.getModel();
    var base = c.convertToPixel({ yAxisIndex: 0 }, 0);
    var totals = [];
    for (var i = 0; i < n; i++) {
      var top = base;
      for (var k = 0; k < seriesCount; k++) {
        var layout = model.getSeriesByIndex(k).getData().getItemLayout(i);
        if (layout) { top = Math.min(top, layout.y, layout.y + layout.height); }
      }
      totals.push(Math.round(c.convertFromPixel({ yAxisIndex: 0 }, top) * 1000) / 1000);
    }
    return totals;
  }

  data.runs.forEach(function (run) {
    var section = document.createElement('section');
    section.id = run.id;
    var h2 = document.createElement('h2');
    h2.textContent = run.title;
    section.appendChild(h2);
    host.appendChild(section);
    var n = run.issued.length;
    var failed = [];
    var ok = [];
    for (var i = 0; i < n; i++) { failed.push(0); ok.push(0); }
    run.codes.forEach(function (code) {
      code.values.forEach(function (v, i) {
        if (i < n) { if (code.ok) { ok[i] += v; } else { failed[i] += v; } }
      });
    });
    var marks = markLines(run, identity);
    var after = afterSending(run, identity, n);
    chart(section, 'Throughput (requests per second)', 'issued, ok and failed requests per second', {
      maxX: n,
      yAxis: { type: 'value', name: 'req/s' },
      series: [
        { name: 'issued (intended send)', type: 'line', step: 'middle', showSymbol: false, data: pairs(run.issued),
          markLine: marks, markArea: after },
        { name: 'ok (completed)', type: 'line', step: 'middle', showSymbol: false, data: pairs(ok), color: '#1e7b34' },
        { name: 'failed (completed)', type: 'line', step: 'middle', showSymbol: false, data: pairs(failed), color: '#b42318' }
      ]
    });
    var lat = run.latency;
    var latSeries = [];
    [['ack p50', lat.ackP50], ['ack p99', lat.ackP99], ['ack max', lat.ackMax],
     ['e2e p50', lat.e2eP50], ['e2e p99', lat.e2eP99], ['e2e max', lat.e2eMax]].forEach(function (s) {
      if (s[1].some(function (v) { return v !== null; })) {
        latSeries.push({ name: s[0], type: 'line', showSymbol: false, connectNulls: false, data: pairs(s[1]) });
      }
    });
    if (latSeries.length) { latSeries[0].markLine = marks; latSeries[0].markArea = after; }
    chart(section, 'Latency percentiles per second (from the intended send time; log scale)',
      'acknowledgement and end-to-end latency percentiles per second', {
        maxX: n,
        yAxis: { type: 'log', name: 'ms', min: 0.1 },
        series: latSeries
      });
    var errorIndex = 0;
    var second = function (t) { return String(Math.min(n - 1, Math.floor(t))); };
    var codeSeries = run.codes.map(function (code) {
      var color = CODE_COLORS[code.name] || ERROR_COLORS[errorIndex++ % ERROR_COLORS.length];
      return { name: code.name, type: 'bar', stack: 'codes', barCategoryGap: '10%', color: color,
        data: code.values.slice(0, n) };
    });
    if (codeSeries.length) {
      codeSeries[0].markLine = markLines(run, second);
      codeSeries[0].markArea = afterSending(run, second, n);
    }
    var codes = chart(section, 'Response codes per second, stacked (outcomes known in that second, req/s)',
      'outcome codes per second, stacked: the bar of a second is all outcomes known in it', {
        xAxis: { type: 'category', name: 's since start', nameLocation: 'middle', nameGap: 26,
          data: seconds(n).map(String) },
        yAxis: { type: 'value', name: 'req/s' },
        series: codeSeries
      });
    codes.status.stackedTotals = renderedStackTotals(codes.chart, codeSeries.length, n);
    if (run.region) {
      var ratio = run.region.sent.map(function (s, i) {
        var done = run.region.ok[i] + run.region.failed[i];
        return done === 0 ? null : run.region.ok[i] / done;
      });
      chart(section, run.region.key + ': success ratio of the requests sent each second, and e2e p99',
        'success ratio and end-to-end p99 of the faulted region', {
          maxX: n,
          yAxis: [{ type: 'value', name: 'success ratio', min: 0, max: 1 },
            { type: 'log', name: 'p99 ms', min: 0.1, nameTextStyle: { align: 'right' } }],
          series: [
            { name: 'success ratio (by send second)', type: 'line', step: 'middle', showSymbol: false,
              data: pairs(ratio), color: '#1e7b34', markLine: marks, markArea: after },
            { name: 'e2e p99 (by completion second)', type: 'line', showSymbol: false, yAxisIndex: 1,
              data: pairs(run.region.e2eP99), color: '#c2410c' }
          ]
        });
    }
  });
  echarts.connect(GROUP);
  var status = document.createElement('script');
  status.type = 'application/json';
  status.id = 'smsim-render-status';
  status.textContent = JSON.stringify({ charts: drawn, errors: window.smsimErrors });
  document.body.appendChild(status);
})();
