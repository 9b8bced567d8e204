// The dashboard's live part (#live: counters, setup panel, list) fetched again every data-refresh seconds and swapped
// in, unless the person is inside it (focus there) or the tab is hidden: the filter field, the scroll position and
// the open probe details stay as they were. window.roundsRefresh() refreshes now and tells whether it swapped.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) return;
  var filter = document.getElementById('filter');
  var seconds = Number(live.getAttribute('data-refresh')) || 30;

  function applyFilter() {
    var words = filter ? filter.value.trim().toLowerCase() : '';
    live.querySelectorAll('tbody tr').forEach(function (row) {
      row.hidden = words !== '' && row.textContent.toLowerCase().indexOf(words) < 0;
    });
  }

  function busy() {
    return live.contains(document.activeElement) && document.activeElement !== document.body;
  }

  function refresh() {
    if (busy()) return Promise.resolve(false);
    return fetch(location.pathname + '?fragment=live', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (answer) {
        // a lapsed session answers with the login page: keep what is shown rather than swap that in
        return answer.ok && !answer.redirected ? answer.text() : null;
      })
      .then(function (html) {
        var next = html && new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (!next || busy()) return false;
        var open = Array.prototype.map.call(live.querySelectorAll('tr[id] details[open]'), function (d) {
          return d.closest('tr').id;
        });
        live.innerHTML = next.innerHTML;
        open.forEach(function (id) {
          var details = document.querySelector('#' + id + ' details');
          if (details) details.open = true;
        });
        applyFilter();
        return true;
      })
      .catch(function () {
        return false;
      });
  }

  if (filter) filter.addEventListener('input', applyFilter);
  window.roundsRefresh = refresh;
  setInterval(function () {
    if (!document.hidden) refresh();
  }, seconds * 1000);
})();
