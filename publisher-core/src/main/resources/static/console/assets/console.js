// 信息公开发布平台 · console behaviour: progressive enhancement only; every form works without it.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  // htmx requests carry the CSRF token as a header
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) event.detail.headers[header.content] = token.content;
  });

  // a small rich-text editor over the body's textarea, which stays the submitted field
  function editors(root) {
    root.querySelectorAll('[data-rte]').forEach(function (rte) {
      if (rte.dataset.ready) return;
      rte.dataset.ready = '1';
      var source = rte.querySelector('.rte-source');
      var area = rte.querySelector('.rte-area');
      var toolbar = rte.querySelector('.rte-toolbar');
      area.innerHTML = source.value;
      source.hidden = true;
      area.hidden = false;
      toolbar.hidden = false;
      var sync = function () { source.value = area.innerHTML; };
      area.addEventListener('input', sync);
      area.addEventListener('blur', sync);
      toolbar.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-cmd]');
        if (!button) return;
        var arg = button.dataset.arg || null;
        if (button.dataset.cmd === 'createLink') {
          arg = window.prompt(button.dataset.prompt || 'URL', 'https://');
          if (!arg) return;
        }
        area.focus();
        document.execCommand(button.dataset.cmd, false, arg);
        sync();
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
      var form = rte.closest('form');
      if (form) form.addEventListener('submit', sync);
    });
  }

  // buttons that open a <dialog>: the one confirmation before approving or retracting
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.dataset.dialog);
      if (dialog && dialog.showModal) dialog.showModal();
      return;
    }
    var closer = event.target.closest('[data-close]');
    if (closer) {
      closer.closest('dialog').close();
      return;
    }
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var text = document.querySelector(copy.dataset.copy).innerText;
      var done = function () {
        var label = copy.textContent;
        copy.textContent = copy.dataset.copied || 'OK';
        setTimeout(function () { copy.textContent = label; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var scratch = document.createElement('textarea');
        scratch.value = text;
        document.body.appendChild(scratch);
        scratch.select();
        document.execCommand('copy');
        scratch.remove();
        done();
      }
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-autosubmit]')) event.target.form.submit();
  });

  // ECharts, from the data the page carries in data-chart
  function charts() {
    if (!window.echarts) return;
    var font = getComputedStyle(document.body).fontFamily;
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.dataset.chart);
      var chart = echarts.init(element, null, { renderer: 'svg' });
      var base = { textStyle: { fontFamily: font }, grid: { left: 48, right: 16, top: 36, bottom: 56 }, tooltip: { trigger: 'axis' },
        color: ['#1a5fb4', '#2e9e5b', '#e09b00', '#b3261e', '#6a3fa0', '#0f8b8d', '#7a869a', '#c2410c'] };
      if (element.dataset.kind === 'bar') {
        chart.setOption(Object.assign(base, {
          xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: data.names.length > 5 ? 30 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', barMaxWidth: 42, label: { show: true, position: 'top' },
            data: data.counts.map(function (value, i) { return { value: value, itemStyle: { color: data.manual[i] ? '#9aa7ba' : '#1a5fb4' } }; }) }]
        }));
      } else {
        chart.setOption(Object.assign(base, {
          legend: { top: 0 },
          xAxis: { type: 'category', data: data.months, boundaryGap: false },
          yAxis: { type: 'value', minInterval: 1 },
          series: data.series.map(function (s) { return { name: s.name, type: 'line', smooth: false, data: s.data }; })
        }));
      }
      window.addEventListener('resize', function () { chart.resize(); });
      element.dataset.rendered = 'true';
    });
  }

  // a form marked data-submit-once is sent once per page: a double click does not send it again
  // (the server recognises a repeat by the form's requestId anyway)
  document.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-submit-once]');
    if (!form) return;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = '1';
    form.setAttribute('aria-busy', 'true');
  });

  ready(function () {
    editors(document);
    charts();
    if (!window.echarts) window.addEventListener('load', charts);
  });
  document.addEventListener('htmx:afterSwap', function (event) { editors(event.target); });
})();
