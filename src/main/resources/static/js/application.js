// Progressive enhancement of the application pages: live character counters and the warning before
// the login session expires. Everything here also works without it (see docs/autosave.md).
(function () {
  'use strict';

  function updateCounter(area) {
    var counter = document.getElementById(area.getAttribute('data-counter'));
    if (!counter) { return; }
    var max = parseInt(area.getAttribute('maxlength'), 10);
    var left = max - area.value.length;
    // the server renders the texts through the message bundle: one form for exactly one, one with {0}
    var text = counter.getAttribute((left >= 0 ? 'data-left' : 'data-over') + (Math.abs(left) === 1 ? '-one' : ''));
    counter.textContent = text.replace('{0}', Math.abs(left).toLocaleString(document.documentElement.lang || 'sv'));
    counter.classList.toggle('over', left < 0);
  }

  document.addEventListener('input', function (event) {
    var target = event.target;
    if (target.matches && target.matches('textarea[data-counter]')) {
      updateCounter(target);
    }
  });

  var box = document.getElementById('session-warning');
  if (!box) { return; }
  var timeout = parseInt(box.getAttribute('data-timeout'), 10) || 3600;
  var warnBefore = parseInt(box.getAttribute('data-warn'), 10) || 300;
  var form = box.querySelector('form');
  var timer = null;

  function arm() {
    window.clearTimeout(timer);
    box.hidden = true;
    timer = window.setTimeout(function () {
      box.hidden = false;
      var button = box.querySelector('button');
      if (button) { button.focus(); }
    }, Math.max(0, timeout - warnBefore) * 1000);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.fetch(form.action, {
      method: 'POST', body: new FormData(form), credentials: 'same-origin',
      headers: { 'X-Requested-With': 'fetch' }
    }).then(function (response) {
      if (response.ok) { arm(); } else { form.submit(); }
    }, function () { form.submit(); });
  });

  // every autosave the server answered touches the session too (a failed one did not)
  document.body.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail && event.detail.successful) { arm(); }
  });
  arm();
}());
