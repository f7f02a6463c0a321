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
      // where the cursor was last in the body: uploads and tables are inserted there
      var lastRange = null;
      document.addEventListener('selectionchange', function () {
        var selection = window.getSelection();
        if (selection.rangeCount && area.contains(selection.getRangeAt(0).commonAncestorContainer)) {
          lastRange = selection.getRangeAt(0).cloneRange();
        }
      });
      rte.insertHtml = function (html) {
        area.focus();
        var selection = window.getSelection();
        var range = lastRange;
        if (!range || !area.contains(range.commonAncestorContainer)) {
          range = document.createRange();
          range.selectNodeContents(area);
          range.collapse(false);
        }
        selection.removeAllRanges();
        selection.addRange(range);
        if (!document.execCommand('insertHTML', false, html)) {
          var fragment = range.createContextualFragment(html);
          range.deleteContents();
          range.insertNode(fragment);
        }
        sync();
        area.dispatchEvent(new Event('input', { bubbles: true }));
      };
      rte.placeCursorAt = function (x, y) {
        var range = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
        if (range && area.contains(range.commonAncestorContainer)) lastRange = range;
      };
      rte.area = area;
      toolbar.addEventListener('click', function (event) {
        var table = event.target.closest('button[data-table]');
        if (table) {
          var head = escapeHtml(table.dataset.header || ''), cell = escapeHtml(table.dataset.cell || '');
          var row = function (tag, text) { return '<tr>' + [1, 2, 3].map(function () { return '<' + tag + '>' + text + '</' + tag + '>'; }).join('') + '</tr>'; };
          rte.insertHtml('<table><thead>' + row('th', head) + '</thead><tbody>' + row('td', cell) + row('td', cell) + '</tbody></table><p><br></p>');
          return;
        }
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

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // the item form changed in a way no input event tells (a file added, a row moved): the live checks and previews listen
  function changed(form) {
    if (form) form.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function csrfHeaders(xhr) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) xhr.setRequestHeader(header.content, token.content);
  }

  function humanSize(bytes) {
    if (bytes == null || bytes === '') return '—';
    bytes = Number(bytes);
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function fileType(type) {
    type = (type || '').toLowerCase();
    if (type.indexOf('pdf') >= 0) return 'PDF';
    if (type.indexOf('msword') >= 0 || type.indexOf('wordprocessingml') >= 0) return 'Word';
    if (type.indexOf('ms-excel') >= 0 || type.indexOf('spreadsheetml') >= 0) return 'Excel';
    if (type.indexOf('ms-powerpoint') >= 0 || type.indexOf('presentationml') >= 0) return 'PowerPoint';
    if (type.indexOf('ofd') >= 0) return 'OFD';
    if (type.indexOf('image/') === 0) return type.substring(6).toUpperCase();
    return type || '—';
  }

  var MEDIA_ID = /\/api\/media\/([0-9a-fA-F-]{36})(?:$|[?#])/;

  // the item editor's files: uploads with progress, the attachment list, the cover chooser
  function media(root) {
    var form = root.querySelector ? root.querySelector('#item-form') : null;
    if (!form || form.dataset.mediaReady) return;
    form.dataset.mediaReady = '1';
    var uploader = form.querySelector('[data-uploader]');
    var rte = form.querySelector('[data-rte]');
    var list = form.querySelector('#attachment-list');
    var empty = form.querySelector('#attachments-empty');
    var template = form.querySelector('#attachment-template');
    var covers = form.querySelector('#cover-options');
    var preview = form.querySelector('#cover-preview');
    var none = form.querySelector('#cover-none');
    var mediaUrl = uploader.dataset.mediaUrl;
    var extraCovers = [];
    covers.querySelectorAll('input[name=coverImage]').forEach(function (radio) {
      if (radio.value) extraCovers.push(radio.value);
    });

    function reindex() {
      var rows = list.querySelectorAll('li.attachment');
      rows.forEach(function (li, i) {
        li.querySelectorAll('[data-name]').forEach(function (input) {
          input.name = 'attachments[' + i + '].' + input.dataset.name;
        });
        var title = li.querySelector('input[data-name=title]');
        title.id = 'attachment-title-' + i;
        li.querySelector('.attachment-title label').htmlFor = title.id;
      });
      empty.hidden = rows.length > 0;
    }

    function addAttachment(file) {
      var li = template.content.firstElementChild.cloneNode(true);
      li.dataset.mediaId = file.id;
      li.querySelector('[data-name=mediaId]').value = file.id;
      li.querySelector('[data-name=fileName]').value = file.fileName;
      li.querySelector('[data-name=contentType]').value = file.contentType;
      li.querySelector('[data-name=size]').value = file.size;
      var link = li.querySelector('.attachment-name');
      link.href = mediaUrl + file.id;
      link.textContent = file.fileName;
      li.querySelector('.attachment-meta').textContent = fileType(file.contentType) + ' · ' + humanSize(file.size);
      li.querySelectorAll('button[data-label]').forEach(function (button) {
        button.setAttribute('aria-label', button.dataset.label.replace('{0}', file.fileName));
      });
      list.appendChild(li);
      reindex();
      changed(form);
    }

    list.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-move], button[data-remove]');
      if (!button) return;
      var li = button.closest('li.attachment');
      if (button.hasAttribute('data-remove')) {
        var next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        reindex();
        var focus = next ? next.querySelector('button[data-remove]') : form.querySelector('#media-file');
        if (focus) focus.focus();
      } else if (button.dataset.move === 'up' && li.previousElementSibling) {
        list.insertBefore(li, li.previousElementSibling);
        reindex();
        button.focus();
      } else if (button.dataset.move === 'down' && li.nextElementSibling) {
        list.insertBefore(li.nextElementSibling, li);
        reindex();
        button.focus();
      }
      changed(form);
    });

    function showCover(id) {
      if (id) {
        preview.src = mediaUrl + id;
        preview.hidden = false;
        none.hidden = true;
      } else {
        preview.removeAttribute('src');
        preview.hidden = true;
        none.hidden = false;
      }
    }

    function bodyImages() {
      var ids = [];
      if (!rte || !rte.area) return ids;
      rte.area.querySelectorAll('img[src]').forEach(function (img) {
        var match = MEDIA_ID.exec(img.getAttribute('src'));
        if (match && ids.indexOf(match[1]) < 0) ids.push(match[1]);
      });
      return ids;
    }

    function coverOptions(select) {
      var checked = covers.querySelector('input[name=coverImage]:checked');
      var current = select !== undefined ? select : (checked ? checked.value : '');
      covers.querySelectorAll('label.cover-option:not(.cover-option-none)').forEach(function (label) { label.remove(); });
      var ids = extraCovers.slice();
      bodyImages().forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
      ids.forEach(function (id, i) {
        var label = document.createElement('label');
        label.className = 'cover-option';
        var radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = 'coverImage';
        radio.value = id;
        radio.checked = id === current;
        var img = document.createElement('img');
        img.src = mediaUrl + id;
        img.alt = '';
        var text = document.createElement('span');
        text.className = 'sr-only';
        text.textContent = (covers.dataset.imageLabel || '{0}').replace('{0}', String(i + 1));
        label.appendChild(radio);
        label.appendChild(img);
        label.appendChild(text);
        covers.appendChild(label);
      });
      if (!covers.querySelector('input[name=coverImage]:checked')) {
        covers.querySelector('.cover-option-none input').checked = true;
        current = '';
      }
      showCover(current);
    }

    covers.addEventListener('change', function (event) {
      if (event.target.name === 'coverImage') showCover(event.target.value);
    });
    var refresh = null;
    if (rte && rte.area) {
      rte.area.addEventListener('input', function () {
        clearTimeout(refresh);
        refresh = setTimeout(function () { coverOptions(); }, 400);
      });
    }

    function upload(file, purpose) {
      var row = document.createElement('li');
      row.className = 'upload';
      var name = document.createElement('span');
      name.className = 'upload-name';
      name.textContent = file.name;
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', file.name);
      var state = document.createElement('span');
      state.className = 'upload-state small';
      row.appendChild(name);
      row.appendChild(bar);
      row.appendChild(state);
      uploader.querySelector('#upload-list').appendChild(row);

      var body = new FormData();
      body.append('file', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', uploader.dataset.uploadUrl);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Accept-Language', document.documentElement.lang || 'zh-CN');
      csrfHeaders(xhr);
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) bar.value = Math.round(100 * event.loaded / event.total);
      });
      xhr.addEventListener('load', function () {
        var answer = null;
        try { answer = JSON.parse(xhr.responseText); } catch (notJson) { answer = null; }
        if (xhr.status === 201 && answer && answer.id) {
          bar.value = 100;
          row.classList.add('upload-done');
          state.textContent = uploader.dataset.done;
          uploaded(answer, purpose);
        } else {
          failed(answer && (answer.detail || answer.title));
        }
      });
      xhr.addEventListener('error', function () { failed(null); });
      function failed(reason) {
        row.classList.add('upload-failed');
        bar.hidden = true;
        state.setAttribute('role', 'alert');
        state.textContent = uploader.dataset.failed + (reason ? '：' + reason : '');
      }
      xhr.send(body);
    }

    function uploaded(file, purpose) {
      var image = (file.contentType || '').indexOf('image/') === 0;
      if (image && purpose === 'cover') {
        if (extraCovers.indexOf(file.id) < 0) extraCovers.push(file.id);
        coverOptions(file.id);
        changed(form);
      } else if (image && rte && rte.insertHtml) {
        var alt = (file.fileName || uploader.dataset.imageAlt).replace(/\.[^.]+$/, '');
        rte.insertHtml('<img src="' + escapeHtml(mediaUrl + file.id) + '" alt="' + escapeHtml(alt) + '">');
        coverOptions();
      } else {
        addAttachment(file);
      }
    }

    form.querySelectorAll('input[type=file][data-upload]').forEach(function (input) {
      input.addEventListener('change', function () {
        Array.prototype.forEach.call(input.files, function (file) { upload(file, input.dataset.upload); });
        input.value = '';
      });
    });
    if (rte && rte.area) {
      ['dragenter', 'dragover'].forEach(function (type) {
        rte.area.addEventListener(type, function (event) {
          if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
            event.preventDefault();
            rte.classList.add('rte-drop');
          }
        });
      });
      rte.area.addEventListener('dragleave', function () { rte.classList.remove('rte-drop'); });
      rte.area.addEventListener('drop', function (event) {
        if (!event.dataTransfer || !event.dataTransfer.files.length) return;
        event.preventDefault();
        rte.classList.remove('rte-drop');
        rte.placeCursorAt(event.clientX, event.clientY);
        Array.prototype.forEach.call(event.dataTransfer.files, function (file) { upload(file, 'body'); });
      });
    }
    reindex();
    coverOptions();
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
    media(document);
    charts();
    if (!window.echarts) window.addEventListener('load', charts);
  });
  document.addEventListener('htmx:afterSwap', function (event) { editors(event.target); });
})();
