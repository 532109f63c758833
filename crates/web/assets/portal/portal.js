// ankommen portal: print buttons and the offline copy. Everything works without this
// script; it only adds what needs one.
(function () {
  'use strict';
  var body = document.body;
  var region = body.getAttribute('data-region');
  var lang = body.getAttribute('data-lang');
  var status = document.getElementById('offline-status');
  var key = 'ankommen-saved:' + region + '/' + lang;

  Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });

  function when(iso) {
    try {
      return new Date(iso).toLocaleString(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' });
    } catch (e) { return iso; }
  }
  function show() {
    if (!status) return;
    var saved = null;
    try { saved = localStorage.getItem(key); } catch (e) { /* storage off */ }
    if (!navigator.onLine) {
      status.textContent = body.getAttribute('data-t-offline') + ' ' + (saved ? when(saved) : body.getAttribute('data-updated'));
      status.className = 'offline-status offline';
      status.hidden = false;
    } else if (saved) {
      status.textContent = body.getAttribute('data-t-saved') + ' · ' + when(saved);
      status.className = 'offline-status';
      status.hidden = false;
      status.setAttribute('data-saved', saved);
    }
  }
  window.addEventListener('online', show);
  window.addEventListener('offline', show);
  show();

  if (!region || !lang || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', function (e) {
    var d = e.data || {};
    if (d.type !== 'synced' || d.region !== region || d.lang !== lang) return;
    try { localStorage.setItem(key, d.savedAt); } catch (err) { /* storage off */ }
    if (status) status.setAttribute('data-fetched', String(d.fetched));
    show();
  });
  navigator.serviceWorker.register('/portal/sw.js', { scope: '/portal/' }).catch(function () {});
  navigator.serviceWorker.ready.then(function (reg) {
    if (navigator.onLine && reg.active) reg.active.postMessage({ type: 'sync', region: region, lang: lang });
  });
})();
