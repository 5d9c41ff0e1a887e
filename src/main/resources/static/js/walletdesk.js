// Walletdesk: no inline scripts (CSP script-src 'self'). Everything here is an enhancement:
// every page works without it (plain links, plain GET forms, plain date inputs).
(function () {
  'use strict';

  var DAY = 86400000;

  // Dates are handled as UTC midnights so no local zone or DST ever shifts a day.
  function parseIso(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (!m) { return null; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 ? d : null;
  }
  function iso(d) { return d.toISOString().slice(0, 10); }

  // The page's date pattern (data-date-pattern, e.g. dd/MM/yyyy, yyyy/MM/dd, yyyy-MM-dd): the
  // fields are typed, and the calendar writes them, in the language's day order; the server
  // reads the same pattern.
  function datePattern(pattern) {
    var order = [];
    var source = (pattern || 'yyyy-MM-dd').replace(/yyyy|MM|dd|[.*+?^${}()|[\]\\]/g, function (token) {
      if (token === 'yyyy') { order.push('y'); return '(\\d{4})'; }
      if (token === 'MM' || token === 'dd') { order.push(token.charAt(0)); return '(\\d{1,2})'; }
      return '\\' + token;
    });
    var re = new RegExp('^\\s*' + source + '\\s*$');
    return {
      parse: function (value) {
        var m = re.exec(value || '');
        if (!m) { return parseIso(value); }
        var parts = {};
        order.forEach(function (k, i) { parts[k] = +m[i + 1]; });
        var d = new Date(Date.UTC(parts.y, parts.M - 1, parts.d));
        return d.getUTCMonth() === parts.M - 1 && d.getUTCDate() === parts.d ? d : null;
      },
      format: function (d) {
        var v = iso(d);
        return (pattern || 'yyyy-MM-dd').replace('yyyy', v.slice(0, 4)).replace('MM', v.slice(5, 7)).replace('dd', v.slice(8, 10));
      }
    };
  }
  function addDays(d, n) { return new Date(d.getTime() + n * DAY); }
  function firstOfMonth(d, n) { return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (n || 0), 1)); }
  function todayUtc() { var t = new Date(); return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate())); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  // ---- Date-range picker: a small calendar beside the From/To date inputs. The first click
  // picks the start, the second the end (either order); then the To input fires "change",
  // which the page's htmx attributes turn into a search. Keyboard: arrows move by day/week,
  // PageUp/PageDown by month, Enter picks, Escape closes (and undoes a half-picked range).
  function RangePicker(root) {
    this.root = root;
    this.from = root.querySelector('[data-range-from]');
    this.to = root.querySelector('[data-range-to]');
    this.toggle = root.querySelector('[data-range-toggle]');
    this.box = root.querySelector('[data-range-calendar]');
    this.lang = document.documentElement.lang || undefined;
    this.dates = datePattern(root.getAttribute('data-date-pattern'));
    this.labels = {
      prev: root.getAttribute('data-label-prev') || '<',
      next: root.getAttribute('data-label-next') || '>',
      start: root.getAttribute('data-label-start') || '',
      end: root.getAttribute('data-label-end') || '',
      grid: root.getAttribute('data-label-grid') || ''
    };
    this.start = null;
    this.saved = null;
    var self = this;
    this.toggle.addEventListener('click', function () { self.isOpen() ? self.close(true) : self.open(); });
    this.box.addEventListener('click', function (e) { self.onClick(e); });
    this.box.addEventListener('keydown', function (e) { self.onKey(e); });
    document.addEventListener('click', function (e) {
      // a day button re-renders the calendar, so its click arrives from a detached node
      if (self.isOpen() && e.target.isConnected && !self.root.contains(e.target)) { self.close(false); }
    });
  }

  RangePicker.prototype.isOpen = function () { return !this.box.hidden; };

  RangePicker.prototype.open = function () {
    this.saved = { from: this.from.value, to: this.to.value };
    this.start = null;
    this.cursor = this.dates.parse(this.from.value) || this.dates.parse(this.to.value) || todayUtc();
    this.box.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
    this.render(true);
  };

  // Closing with a half-picked range puts the dates back as they were.
  RangePicker.prototype.close = function (focusToggle) {
    if (this.start && this.saved) {
      this.from.value = this.saved.from;
      this.to.value = this.saved.to;
    }
    this.start = null;
    this.box.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
    if (focusToggle) { this.toggle.focus(); }
  };

  RangePicker.prototype.pick = function (day) {
    if (!this.start) {
      this.start = day;
      this.from.value = this.dates.format(day);
      this.to.value = '';
      this.cursor = day;
      this.render(true);
      return;
    }
    var a = this.start, b = day;
    if (b < a) { var t = a; a = b; b = t; }
    this.start = null;
    this.from.value = this.dates.format(a);
    this.to.value = this.dates.format(b);
    this.close(true);
    this.to.dispatchEvent(new Event('change', { bubbles: true }));
  };

  RangePicker.prototype.onClick = function (e) {
    var button = e.target.closest('button');
    if (!button || !this.box.contains(button)) { return; }
    if (button.hasAttribute('data-move')) {
      this.cursor = firstOfMonth(this.cursor, +button.getAttribute('data-move'));
      this.render(false);
      return;
    }
    var day = parseIso(button.getAttribute('data-date'));
    if (day) { this.pick(day); }
  };

  RangePicker.prototype.onKey = function (e) {
    if (e.key === 'Escape') { e.preventDefault(); this.close(true); return; }
    if (!e.target.hasAttribute('data-date')) { return; }
    var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    var next = null;
    if (moves[e.key]) { next = addDays(this.cursor, moves[e.key]); }
    else if (e.key === 'PageUp' || e.key === 'PageDown') {
      var m = firstOfMonth(this.cursor, e.key === 'PageUp' ? -1 : 1);
      var last = addDays(firstOfMonth(m, 1), -1);
      next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), Math.min(this.cursor.getUTCDate(), last.getUTCDate())));
    }
    else if (e.key === 'Home') { next = addDays(this.cursor, -((this.cursor.getUTCDay() + 6) % 7)); }
    else if (e.key === 'End') { next = addDays(this.cursor, 6 - ((this.cursor.getUTCDay() + 6) % 7)); }
    if (next) {
      e.preventDefault();
      this.cursor = next;
      this.render(true);
    }
  };

  RangePicker.prototype.render = function (focusDay) {
    var self = this;
    var month = firstOfMonth(this.cursor);
    var from = this.start || this.dates.parse(this.from.value);
    var to = this.start ? null : this.dates.parse(this.to.value);
    var today = iso(todayUtc());
    var title = new Intl.DateTimeFormat(this.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(month);
    var dayName = new Intl.DateTimeFormat(this.lang, { weekday: 'short', timeZone: 'UTC' });
    var dayLong = new Intl.DateTimeFormat(this.lang, { dateStyle: 'full', timeZone: 'UTC' });

    this.box.textContent = '';
    var head = el('div', { 'class': 'cal-head' });
    head.appendChild(el('button', { type: 'button', 'data-move': '-1', 'aria-label': this.labels.prev }, '\u2039'));
    var titleId = (this.box.id || 'calendar') + '-title';
    head.appendChild(el('span', { 'class': 'cal-title', id: titleId, 'aria-live': 'polite' }, title));
    head.appendChild(el('button', { type: 'button', 'data-move': '1', 'aria-label': this.labels.next }, '\u203A'));
    this.box.appendChild(head);

    var table = el('table', { role: 'grid', 'aria-labelledby': titleId });
    var headRow = el('tr');
    var monday = new Date(Date.UTC(2024, 0, 1)); // a Monday: weeks start on Monday
    for (var i = 0; i < 7; i++) {
      headRow.appendChild(el('th', { scope: 'col' }, dayName.format(addDays(monday, i))));
    }
    var thead = el('thead');
    thead.appendChild(headRow);
    table.appendChild(thead);
    var tbody = el('tbody');
    var day = addDays(month, -((month.getUTCDay() + 6) % 7));
    var focusTarget = null;
    for (var w = 0; w < 6; w++) {
      var row = el('tr');
      for (var d = 0; d < 7; d++) {
        var key = iso(day);
        var classes = [];
        if (day.getUTCMonth() !== month.getUTCMonth()) { classes.push('other-month'); }
        if (from && key === iso(from)) { classes.push('start'); }
        if (to && key === iso(to)) { classes.push('end'); }
        if (from && to && day > from && day < to) { classes.push('in-range'); }
        if (key === today) { classes.push('today'); }
        var selected = classes.indexOf('start') >= 0 || classes.indexOf('end') >= 0;
        var isCursor = key === iso(this.cursor);
        var button = el('button', {
          type: 'button', 'data-date': key, 'class': classes.join(' '),
          'aria-label': dayLong.format(day), 'aria-pressed': selected ? 'true' : 'false',
          tabindex: isCursor ? '0' : '-1'
        }, String(day.getUTCDate()));
        if (isCursor) { focusTarget = button; }
        var cell = el('td');
        cell.appendChild(button);
        row.appendChild(cell);
        day = addDays(day, 1);
      }
      tbody.appendChild(row);
    }
    table.appendChild(tbody);
    this.box.appendChild(table);
    this.box.appendChild(el('p', { 'class': 'cal-status', role: 'status' },
      this.start ? this.labels.end : this.labels.start));
    if (focusDay && focusTarget) { focusTarget.focus(); }
    if (!focusTarget && focusDay) { self.box.querySelector('[data-date]').focus(); }
  };

  // ---- The merchant tree: Up/Down/Home/End move between its links.
  function treeKeys(e) {
    var links = Array.prototype.slice.call(e.currentTarget.querySelectorAll('.tree a'));
    var i = links.indexOf(document.activeElement);
    if (i < 0) { return; }
    var next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: links.length - 1 }[e.key];
    if (next == null || next < 0 || next >= links.length) { return; }
    e.preventDefault();
    links[next].focus();
  }

  // ---- The User Menu (a <details>): Escape or a click elsewhere closes it.
  function menuKeys(e) {
    if (e.key === 'Escape' && e.currentTarget.open) {
      e.currentTarget.open = false;
      e.currentTarget.querySelector('summary').focus();
    }
  }

  // ---- Dialogs loaded by htmx (Confirm Refund, a charge's refunds): opened as modals with the
  // focus inside; Escape, Cancel or Close shut them, and the focus goes back to what opened them
  // (found again by its data-opener, since the results may have been refreshed meanwhile).
  var opener = null;

  document.addEventListener('click', function (e) {
    var source = e.target.closest && e.target.closest('[data-opener]');
    if (source) { opener = source.getAttribute('data-opener'); }
  }, true);

  // The field a refusal points at, else the refusal, else the first field.
  function focusInside(dialog) {
    var target = dialog.querySelector('[aria-invalid="true"]') || dialog.querySelector('.banner[tabindex]')
      || dialog.querySelector('[autofocus]')
      || dialog.querySelector('input:not([type="hidden"]), textarea, button, a[href]');
    if (target) { target.focus(); }
  }

  function openDialog(dialog) {
    if (dialog.hasAttribute('data-ready')) { return; }
    dialog.setAttribute('data-ready', '');
    var returnTo = opener;
    dialog.addEventListener('click', function (e) {
      if (e.target.closest('[data-dialog-close]')) { dialog.close(); }
    });
    dialog.addEventListener('cancel', function (e) {
      // Escape while a refund is being confirmed: the dialog stays until its answer is shown
      if (dialog.querySelector('button[type="submit"][disabled]')) { e.preventDefault(); }
    });
    dialog.addEventListener('close', function () {
      var back = dialog.hasAttribute('data-keep-focus') || !returnTo ? null
        : document.querySelector('[data-opener="' + returnTo + '"]');
      dialog.remove();
      if (back) { back.focus(); }
    });
    if (dialog.id === 'refund-dialog') {
      // a new refund: the banner of the last one goes
      var outcome = document.getElementById('refund-outcome');
      if (outcome) { outcome.textContent = ''; }
    }
    dialog.showModal();
    focusInside(dialog);
    // the pre-filled amount is selected: type to replace it for a partial refund
    if (document.activeElement && document.activeElement.hasAttribute('autofocus') && document.activeElement.select) {
      document.activeElement.select();
    }
  }

  // A refused refund answers 4xx/5xx with its message in words (header Walletdesk-Swap): show it.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var xhr = e.detail && e.detail.xhr;
    if (xhr && xhr.status >= 400 && xhr.getResponseHeader('Walletdesk-Swap') === 'refusal') {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // Refunded: the dialog closes and the blue banner takes the focus (the results refresh themselves).
  document.addEventListener('refund-succeeded', function () {
    document.querySelectorAll('dialog[data-dialog][open]').forEach(function (dialog) {
      dialog.setAttribute('data-keep-focus', '');
      dialog.close();
    });
    var banner = document.querySelector('#refund-outcome .banner');
    if (banner) { banner.focus(); }
  });

  function init(scope) {
    var root = scope && scope.querySelectorAll ? scope : document;
    if (root.matches && root.matches('dialog[data-dialog]')) { openDialog(root); }
    root.querySelectorAll('dialog[data-dialog]').forEach(openDialog);
    // an answer swapped into an open dialog (a refusal): focus what needs correcting
    var inDialog = root !== document && root.closest && root.closest('dialog[data-dialog][open]');
    if (inDialog && inDialog.hasAttribute('data-ready')) { focusInside(inDialog); }
    root.querySelectorAll('[data-range-picker]').forEach(function (picker) {
      if (!picker.hasAttribute('data-ready')) { picker.setAttribute('data-ready', ''); new RangePicker(picker); }
    });
    root.querySelectorAll('[data-tree]').forEach(function (tree) {
      if (!tree.hasAttribute('data-ready')) { tree.setAttribute('data-ready', ''); tree.addEventListener('keydown', treeKeys); }
    });
    root.querySelectorAll('[data-menu]').forEach(function (menu) {
      if (!menu.hasAttribute('data-ready')) { menu.setAttribute('data-ready', ''); menu.addEventListener('keydown', menuKeys); }
    });
  }

  document.addEventListener('click', function (e) {
    document.querySelectorAll('[data-menu][open]').forEach(function (menu) {
      if (!menu.contains(e.target)) { menu.open = false; }
    });
  });

  // After paging with the keyboard, focus stays on the pager instead of falling to the page start.
  document.addEventListener('htmx:afterSettle', function (e) {
    var source = e.detail && e.detail.requestConfig && e.detail.requestConfig.elt;
    var which = source && source.getAttribute && source.getAttribute('data-pager');
    if (!which) { return; }
    var target = document.querySelector('.pager [data-pager="' + which + '"]')
      || document.querySelector('.pager a') || document.querySelector('#results .table-wrap');
    if (target) { target.focus(); }
  });

  // Typing a year into a date input passes through 0002, 0020, 0202: those half-typed dates
  // are not searched for (stopped before htmx, which listens on the input, sees them).
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (input.matches && input.matches('input[type="date"][data-range-from], input[type="date"][data-range-to]') && input.value) {
      var year = +input.value.slice(0, input.value.indexOf('-'));
      if (year < 1900) { e.stopPropagation(); }
    }
  }, true);

  document.addEventListener('htmx:load', function (e) { init(e.target); });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }

  // ---- Copy buttons (a key or password shown once): copies the text of the element data-copy
  // names and says so; without scripts the text is still there to select and copy by hand.
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    var done = function () {
      var note = button.parentNode.querySelector('.copied');
      if (note) { note.hidden = false; }
    };
    var text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
    } else {
      selectText(source);
      try { if (document.execCommand('copy')) { done(); } } catch (ignored) { /* selected: copy by hand */ }
    }
  });
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
})();
