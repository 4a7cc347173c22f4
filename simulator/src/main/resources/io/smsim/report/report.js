/*
 * smsim replay report: the options of the charts of a replay's report.html, from the JSON in
 * #smsim-data (written by io.smsim.report.ChartData); charts.js draws them and records what it drew.
 *
 * Time coordinates are the scenario's local wall clock as epoch milliseconds read as UTC, and every
 * chart sets useUTC, so axes show the clock of the incident report whatever the viewer's zone.
 */
(function () {
  'use strict';

  var MIN = 60000;
  var REGION_COLORS = { north: '#c2410c', central: '#2563eb', south: '#15803d' };
  var SERVER_COLORS = { primary: '#7c3aed', secondary: '#0891b2' };
  var MARK_KINDS = { restart: 'restart', failover: 'failover', 'switchover-complete': 'switchover' };
  var GROUP = 'smsim-time';

  var data = JSON.parse(document.getElementById('smsim-data').textContent);

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function group(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function round(v, digits) { var f = Math.pow(10, digits); return Math.round(v * f) / f; }
  function at(ms) { return data.t0 + ms; }
  function atMinute(min) { return data.t0 + min * MIN; }
  function clock(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function regionColor(key) { return REGION_COLORS[key] || '#52606d'; }
  function millis(v) {
    if (v >= 3600000) { return round(v / 3600000, 1) + ' h'; }
    if (v >= 60000) { return round(v / 60000, 1) + ' min'; }
    return v >= 1000 ? round(v / 1000, 1) + ' s' : round(v, 0) + ' ms';
  }
  /** Log-axis ticks (powers of ten of milliseconds) in one unit per side of a second: 1 ms … 100 ms, 1 s … 10,000 s. */
  function logTick(v) {
    return v >= 1000 ? group(v / 1000) + ' s' : (v >= 1 ? group(v) : String(round(v, 3))) + ' ms';
  }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  /** Time-axis labels: the clock, and under it the day, month and year, so no label stands alone as "Apr". */
  function axisTime(v) {
    var d = new Date(v);
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + '\n' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] +
      ' ' + d.getUTCFullYear();
  }
  function axisName(name) { return { name: name, nameLocation: 'middle', nameGap: 56 }; }

  function tooltip(format) {
    return {
      trigger: 'axis',
      confine: true,
      formatter: function (params) {
        if (!params.length) { return ''; }
        var lines = [clock(params[0].axisValue)];
        params.forEach(function (p) {
          var v = p.value && p.value.length ? p.value[1] : p.value;
          if (v === null || v === undefined || v === '-') { return; }
          var text = p.data && p.data.label ? p.data.label : format(v);
          lines.push(p.marker + p.seriesName + ': ' + text);
        });
        return lines.join('<br>');
      }
    };
  }

  function base(title, format) {
    return {
      animation: false,
      useUTC: true,
      title: { text: title, left: 4, top: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      grid: { left: 80, right: 48, top: 52, bottom: 84 },
      legend: { top: 22, left: 4, right: 120, type: 'scroll', itemHeight: 10 },
      tooltip: tooltip(format),
      toolbox: { right: 8, top: 0, feature: { dataZoom: { yAxisIndex: 'none' }, restore: {}, saveAsImage: {} } },
      xAxis: { type: 'time', min: at(0), max: at(data.end), name: 'local time, ' + data.zone,
        nameLocation: 'middle', nameGap: 40, axisLabel: { formatter: axisTime, hideOverlap: true, margin: 12,
          lineHeight: 14, verticalAlign: 'top' } },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
        { type: 'slider', xAxisIndex: 0, filterMode: 'none', height: 18, bottom: 6, labelFormatter: function (v) { return clock(v); } }
      ]
    };
  }

  /** Incident windows shaded in the region's colour; labelled while there are few enough to read. */
  function incidentAreas(r, belowSlo) {
    return {
      silent: true,
      itemStyle: { color: regionColor(r.key), opacity: 0.13 },
      // in the success chart the SLO line runs near the top: the label goes below it
      label: { show: r.incidents.length <= 3, position: 'insideTop', distance: belowSlo ? 24 : 5, fontSize: 11,
        color: regionColor(r.key) },
      data: r.incidents.map(function (i) {
        return [{ xAxis: at(i.s), name: r.name + ' ' + i.label }, { xAxis: at(i.e) }];
      })
    };
  }

  function verticalLine(ms, text, color) {
    return { xAxis: at(ms), label: { formatter: text, color: color, fontSize: 10 }, lineStyle: { color: color } };
  }

  /**
   * Hides the labels of vertical lines when there are too many to read (the tooltip still names
   * them); otherwise staggers them in time order over three heights, so that lines minutes apart (an
   * alert, then a restart) never print their labels on top of each other.
   */
  var STAGGER = ['insideEndTop', 'insideMiddleTop', 'insideStartTop'];
  function declutter(lines) {
    var vertical = lines.filter(function (l) { return l.xAxis !== undefined; });
    if (vertical.length > 6) {
      vertical.forEach(function (l) { l.label.show = false; });
      return lines;
    }
    vertical.slice().sort(function (a, b) { return a.xAxis - b.xAxis; }).forEach(function (l, i) {
      l.label.position = STAGGER[i % STAGGER.length];
    });
    return lines;
  }

  /** A round axis maximum a little above {@code top}. */
  function niceMax(top) {
    var step = Math.pow(10, Math.floor(Math.log10(Math.max(top, 1)))) / 2;
    return Math.ceil(top * 1.08 / step) * step;
  }

  function bucketMid(m, i) { return atMinute(m.t[i] + m.w[i] / 2); }

  function rateChart() {
    var opt = base('Attempts per second, by region', function (v) { return round(v, 2) + '/s'; });
    opt.yAxis = Object.assign({ type: 'value' }, axisName('attempts per second'));
    opt.series = data.regions.map(function (r) {
      var m = r.minutes, pts = [];
      for (var i = 0; i < m.t.length; i++) {
        pts.push([bucketMid(m, i), round(m.a[i] / (m.w[i] * 60), 3)]);
      }
      return { name: r.name, type: 'line', showSymbol: false, data: pts, color: regionColor(r.key),
        lineStyle: { width: 1.2 }, markArea: incidentAreas(r) };
    });
    return opt;
  }

  function successChart() {
    var opt = base('Successful attempts, by region', function (v) { return round(v, 2) + '%'; });
    opt.yAxis = Object.assign({ type: 'value', min: 0, max: 100 }, axisName('% successful'));
    opt.series = data.regions.map(function (r, index) {
      var m = r.minutes, pts = [];
      for (var i = 0; i < m.t.length; i++) {
        pts.push([bucketMid(m, i), m.a[i] > 0 ? round(100 * (m.a[i] - m.f[i]) / m.a[i], 3) : null]);
      }
      var lines = [];
      if (index === 0) {
        lines.push({ yAxis: round(100 * data.slo, 3), label: { formatter: 'SLO', position: 'insideStartBottom' },
          lineStyle: { color: '#52606d', type: 'dashed' } });
      }
      r.events.forEach(function (e) {
        if (e.kind === 'alert' || e.kind === 'restart' || e.kind === 'failover') {
          lines.push(verticalLine(e.t, e.kind, regionColor(r.key)));
        }
      });
      return { name: r.name, type: 'line', showSymbol: false, connectNulls: false, data: pts, color: regionColor(r.key),
        lineStyle: { width: 1.2 }, markArea: incidentAreas(r, true),
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dotted' }, data: declutter(lines) } };
    });
    return opt;
  }

  /** The bucket value of a server's series at the time of an event (the line the marker sits on). */
  function valueAt(m, server, ms) {
    var min = ms / MIN, lo = 0, hi = m.t.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.t[mid] <= min) { lo = mid; } else { hi = mid - 1; }
    }
    return m[server][lo];
  }

  function processChart(r) {
    var opt = base(r.name + ': live processes per server (limit ' + group(r.processLimit) + ')',
      function (v) { return group(v); });
    var m = r.minutes;
    var top = r.processLimit;
    r.reaperThreshold.forEach(function (s) { top = Math.max(top, s[1]); });
    opt.yAxis = Object.assign({ type: 'value', min: 0, max: niceMax(top) }, axisName('processes'));
    opt.series = ['primary', 'secondary'].map(function (server) {
      var pts = [];
      for (var i = 0; i < m.t.length; i++) {
        pts.push([atMinute(m.t[i] + m.w[i]), m[server][i]]);
      }
      return { name: server, type: 'line', showSymbol: false, data: pts, color: SERVER_COLORS[server],
        lineStyle: { width: 1.4 } };
    });
    var lines = [{ yAxis: r.processLimit, label: { formatter: 'process limit ' + group(r.processLimit), position: 'insideStartTop' },
      lineStyle: { color: '#b42318', type: 'solid', width: 1.5 } }];
    r.events.forEach(function (e) {
      if (MARK_KINDS[e.kind]) {
        lines.push(verticalLine(e.t, MARK_KINDS[e.kind] + ' ' + e.server, '#334e68'));
      }
    });
    opt.series[0].markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: declutter(lines) };
    opt.series[0].markArea = incidentAreas(r);
    if (r.reaperThreshold.length) {
      var steps = r.reaperThreshold.map(function (s) { return [at(s[0]), s[1] > 0 ? s[1] : null]; });
      var last = r.reaperThreshold[r.reaperThreshold.length - 1];
      steps.push([at(data.end), last[1] > 0 ? last[1] : null]);
      opt.series.push({ name: 'reaper threshold', type: 'line', step: 'end', showSymbol: false, data: steps,
        color: '#d97706', lineStyle: { type: 'dashed', width: 1.2 } });
    }
    var reaps = [], limits = [];
    r.events.forEach(function (e) {
      if (e.kind === 'reaper') {
        reaps.push({ value: [at(e.t), valueAt(m, e.server || 'primary', e.t)],
          label: group(e.value) + ' children reaped on ' + e.server });
      }
      if (e.kind === 'process-limit-reached') {
        limits.push({ value: [at(e.t), r.processLimit], label: 'limit reached on ' + e.server + ' (' + e.detail + ')' });
      }
    });
    if (reaps.length) {
      opt.series.push({ name: 'reaper runs', type: 'scatter', symbol: 'diamond', symbolSize: 8, data: reaps, color: '#d97706' });
    }
    if (limits.length) {
      opt.series.push({ name: 'limit reached', type: 'scatter', symbol: 'triangle', symbolSize: 10, data: limits, color: '#b42318' });
    }
    return opt;
  }

  function latencyChart() {
    var opt = base('Latency of successful attempts, by region', millis);
    opt.yAxis = Object.assign({ type: 'log', axisLabel: { formatter: logTick } }, axisName('latency (log scale)'));
    opt.series = [];
    data.regions.forEach(function (r) {
      var l = r.latency;
      ['p50', 'p99'].forEach(function (which) {
        var pts = [];
        for (var i = 0; i < l.t.length; i++) {
          pts.push([atMinute(l.t[i] + l.w[i] / 2), l[which][i]]);
        }
        opt.series.push({ name: r.name + ' ' + which, type: 'line', showSymbol: false, data: pts, color: regionColor(r.key),
          lineStyle: { width: which === 'p50' ? 1.6 : 1, type: which === 'p50' ? 'solid' : 'dashed' },
          markArea: which === 'p50' ? incidentAreas(r) : undefined });
      });
    });
    return opt;
  }

  function option(el) {
    var kind = el.getAttribute('data-chart');
    if (kind === 'rate') { return rateChart(); }
    if (kind === 'success') { return successChart(); }
    if (kind === 'latency') { return latencyChart(); }
    if (kind === 'processes') {
      var key = el.getAttribute('data-region');
      return processChart(data.regions.filter(function (r) { return r.key === key; })[0]);
    }
    throw new Error('unknown chart kind ' + kind);
  }

  var charts = smsimCharts.draw(option, GROUP);
  echarts.connect(GROUP);

  Array.prototype.forEach.call(document.querySelectorAll('button.zoom'), function (b) {
    if (location.hash === '#' + b.id) { zoom(b); }
    b.addEventListener('click', function () {
      zoom(b);
      document.getElementById('rate').scrollIntoView();
    });
  });

  /** Zooms every time chart (they are connected) to an incident and the hours around it. */
  function zoom(b) {
    var from = Number(b.getAttribute('data-from')), to = Number(b.getAttribute('data-to'));
    var margin = Math.max(2 * 3600 * 1000, (to - from) * 2);
    charts.forEach(function (c) {
      c.dispatchAction({ type: 'dataZoom', startValue: from - margin, endValue: to + margin });
    });
  }
})();
