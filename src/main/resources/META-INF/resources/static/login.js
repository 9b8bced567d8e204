// Quarkus answers a failed login with a redirect to /login?error=failed, which carries nothing of the form: the
// user name typed is kept in this tab's session storage and put back, so that only the password is typed again.
(function () {
  var form = document.querySelector('form[action="/j_security_check"]');
  if (!form) return;
  var name = form.querySelector('[name=j_username]');
  var password = form.querySelector('[name=j_password]');
  form.addEventListener('submit', function () {
    try { sessionStorage.setItem('rounds.login.user', name.value); } catch (e) { /* storage off: nothing kept */ }
  });
  if (new URLSearchParams(location.search).has('error')) {
    var typed = null;
    try { typed = sessionStorage.getItem('rounds.login.user'); } catch (e) { /* storage off */ }
    if (typed && !name.value) {
      name.value = typed;
      password.focus();
    }
  }
})();
