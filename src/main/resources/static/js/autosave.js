// An autosave that never claims "saved" for what is not stored (docs/autosave.md). htmx swaps only 2xx
// answers; every other answer is handled here: a server that is away (5xx, no answer, 408, 429) is
// tried again with back-off (2, 4, 8 ... 60 s) for as long as the page is open, a refusal that trying
// again cannot change (409 deadline passed, 404/410 gone, any other 4xx) is said and ends the retrying.
// The texts are rendered by the server into #autosave-problem (components/autosave-problem.jte).
(function () {
  'use strict';

  var problem = document.getElementById('autosave-problem');
  var form = problem ? problem.closest('form[hx-post]') : null;
  if (!form || !window.htmx) { return; }

  var FIRST = 2000;
  var LONGEST = 60000;
  var delay = 0;
  var timer = null;
  var stopped = false;

  function tell(kind) {
    var text = problem.getAttribute('data-' + kind) || '';
    if (problem.textContent !== text) { problem.textContent = text; }
    problem.classList.add('shown');
    // the last "Sparat HH:MM" is no longer the truth about what is on the page
    var status = form.querySelector('#autosave .autosave-status');
    if (status) { status.textContent = ''; }
  }

  function clear() {
    problem.textContent = '';
    problem.classList.remove('shown');
  }

  function retryLater() {
    delay = delay ? Math.min(delay * 2, LONGEST) : FIRST;
    window.clearTimeout(timer);
    timer = window.setTimeout(retryNow, delay);
  }

  function retryNow() {
    window.clearTimeout(timer);
    timer = null;
    if (!stopped) { window.htmx.trigger(form, 'autosave-retry'); }
  }

  function stop(kind) {
    stopped = true;
    window.clearTimeout(timer);
    tell(kind);
  }

  // after a refusal nothing more is sent by autosave; the Save button still posts the whole form
  form.addEventListener('htmx:beforeRequest', function (event) {
    if (stopped) { event.preventDefault(); }
  });

  form.addEventListener('htmx:afterRequest', function (event) {
    var detail = event.detail || {};
    if (detail.elt !== form) { return; }
    var code = detail.xhr ? detail.xhr.status : 0;
    if (detail.successful) {
      delay = 0;
      window.clearTimeout(timer);
      timer = null;
      clear();
    } else if (code === 0 || code === 408 || code === 429 || code >= 500) {
      tell('retrying');
      retryLater();
    } else if (code === 409) {
      stop('closed');
    } else if (code === 404 || code === 410) {
      stop('gone');
    } else {
      stop('refused');
    }
  });

  form.addEventListener('htmx:sendAbort', function () {
    if (!stopped && timer === null && problem.classList.contains('shown')) { retryLater(); }
  });

  // back on the network: try at once instead of waiting for the back-off
  window.addEventListener('online', function () {
    if (timer !== null) { retryNow(); }
  });
}());
