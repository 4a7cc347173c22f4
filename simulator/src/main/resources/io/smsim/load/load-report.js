/*
 * smsim load report: for each run in #smsim-data (written by io.smsim.load.LoadReportHtml), draws
 * throughput, latency percentiles and response codes over time with Apache ECharts; the failover
 * bench adds the faulted region's success ratio, and marks the fault, the failover decision, the
 * switchover, restarts and recovery. Time is seconds since the run's start. What was drawn is
 * recorded in #smsim-render-status.
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

  function markLines(run) {
    return {
      symbol: 'none', silent: true, label: { formatter: '{b}', position: 'insideEndTop', fontSize: 11 },
      lineStyle: { color: '#334155', type: 'dashed' },
      data: run.markers.map(function (m) { return { name: m.label, xAxis: m.t }; })
    };
  }

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
    option.grid = { left: 64, right: 24, top: 40, bottom: 56 };
    option.legend = { top: 0, type: 'scroll' };
    option.dataZoom = [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }];
    option.xAxis = { type: 'value', name: 's', min: 0, max: option.maxX };
    delete option.maxX;
    c.setOption(option);
    c.group = GROUP;
    drawn.push({ title: title, series: option.series.length });
    return c;
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
    var marks = markLines(run);
    chart(section, 'Throughput (requests per second)', 'issued, ok and failed requests per second', {
      maxX: n,
      yAxis: { type: 'value', name: 'req/s' },
      series: [
        { name: 'issued (intended send)', type: 'line', step: 'middle', showSymbol: false, data: pairs(run.issued), markLine: marks },
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
    if (latSeries.length) { latSeries[0].markLine = marks; }
    chart(section, 'Latency percentiles per second (from the intended send time; log scale)',
      'acknowledgement and end-to-end latency percentiles per second', {
        maxX: n,
        yAxis: { type: 'log', name: 'ms', min: 0.1 },
        series: latSeries
      });
    var errorIndex = 0;
    var codeSeries = run.codes.map(function (code) {
      var color = CODE_COLORS[code.name] || ERROR_COLORS[errorIndex++ % ERROR_COLORS.length];
      return { name: code.name, type: 'bar', stack: 'codes', barCategoryGap: '0%', color: color,
        data: pairs(code.values) };
    });
    if (codeSeries.length) { codeSeries[0].markLine = marks; }
    chart(section, 'Response codes per second (when the outcome was known)', 'outcome codes per second, stacked', {
      maxX: n,
      yAxis: { type: 'value', name: 'req/s' },
      series: codeSeries
    });
    if (run.region) {
      var ratio = run.region.sent.map(function (s, i) {
        var done = run.region.ok[i] + run.region.failed[i];
        return done === 0 ? null : run.region.ok[i] / done;
      });
      chart(section, run.region.key + ': success ratio of the requests sent each second, and e2e p99',
        'success ratio and end-to-end p99 of the faulted region', {
          maxX: n,
          yAxis: [{ type: 'value', name: 'success', min: 0, max: 1 }, { type: 'log', name: 'e2e p99 ms', min: 0.1 }],
          series: [
            { name: 'success ratio (by send second)', type: 'line', step: 'middle', showSymbol: false,
              data: pairs(ratio), color: '#1e7b34', markLine: marks },
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
