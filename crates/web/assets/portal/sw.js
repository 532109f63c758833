// ankommen portal service worker (version __VERSION__). Keeps the region and language a
// reader chose for offline reading and updates that copy incrementally: offline.json lists
// every URL with the ETag of its content; only changed entries are downloaded again.
'use strict';
var VERSION = '__VERSION__';
var SHELL = 'ankommen-shell-' + VERSION;
var CONTENT = 'ankommen-content-';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (c) {
    return c.addAll([
      '/portal/assets/portal.css?v=' + VERSION,
      '/portal/assets/portal.js?v=' + VERSION,
      '/portal/assets/icon.svg'
    ]);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('ankommen-shell-') === 0 && k !== SHELL;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

var running = {};

self.addEventListener('message', function (event) {
  var d = event.data || {};
  if (d.type !== 'sync' || !/^[^/]+$/.test(d.region || '') || !/^[^/]+$/.test(d.lang || '')) return;
  var id = d.region + '/' + d.lang;
  if (!running[id]) {
    running[id] = sync(d.region, d.lang).finally(function () { delete running[id]; });
  }
  event.waitUntil(running[id].then(function (result) {
    if (event.source && result) event.source.postMessage(result);
  }).catch(function () {}));
});

function sync(region, lang) {
  var base = '/portal/' + encodeURIComponent(region) + '/' + encodeURIComponent(lang);
  var listUrl = base + '/offline.json';
  return caches.open(CONTENT + region + '/' + lang).then(function (cache) {
    return cache.match(listUrl).then(function (old) {
      var headers = {};
      if (old && old.headers.get('ETag')) headers['If-None-Match'] = old.headers.get('ETag');
      return (old ? old.clone().json() : Promise.resolve(null)).then(function (oldList) {
        return fetch(listUrl, { headers: headers, cache: 'no-store', credentials: 'omit' }).then(function (res) {
          if (res.status === 304 && oldList) {
            return { type: 'synced', region: region, lang: lang, savedAt: oldList.savedAt, fetched: 0, total: oldList.entries.length };
          }
          if (!res.ok) return null;
          var etag = res.headers.get('ETag') || '';
          return res.json().then(function (list) {
            var before = {};
            (oldList ? oldList.entries : []).forEach(function (e) { before[e.url] = e.etag; });
            var fetched = 0;
            var work = list.entries.map(function (e) {
              return cache.match(e.url).then(function (have) {
                if (have && before[e.url] === e.etag) return;
                return fetch(e.url, { credentials: 'omit' }).then(function (r) {
                  if (r.ok) { fetched++; return cache.put(e.url, r); }
                });
              });
            });
            return Promise.all(work).then(function () {
              var keep = {};
              list.entries.forEach(function (e) { keep[e.url] = true; });
              return Promise.all(Object.keys(before).filter(function (u) { return !keep[u]; })
                .map(function (u) { return cache.delete(u); }));
            }).then(function () {
              list.savedAt = new Date().toISOString();
              return cache.put(listUrl, new Response(JSON.stringify(list), {
                headers: { 'Content-Type': 'application/json', 'ETag': etag }
              }));
            }).then(function () {
              return { type: 'synced', region: region, lang: lang, savedAt: list.savedAt, fetched: fetched, total: list.entries.length };
            });
          });
        });
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/portal/') !== 0) return;
  if (url.pathname === '/portal/sw.js' || /\/offline\.json$/.test(url.pathname)) return;
  if (url.pathname.indexOf('/portal/assets/') === 0) {
    event.respondWith(caches.match(req, { ignoreSearch: true }).then(function (hit) {
      return hit || fetch(req);
    }));
    return;
  }
  event.respondWith(fetch(req).catch(function () {
    return caches.match(url.pathname, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      var m = url.pathname.match(/^\/portal\/([^/]+)\/([^/]+)/);
      var fallback = m ? caches.match('/portal/' + m[1] + '/' + m[2] + '/offline') : Promise.resolve(null);
      return fallback.then(function (f) {
        return f || new Response('offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      });
    });
  }));
});
