// The workbench's only script (no inline scripts: the pages' CSP forbids them).
document.addEventListener("DOMContentLoaded", function () {
  var csrf = document.body.dataset.csrf;
  // htmx requests carry the session's CSRF token
  document.body.addEventListener("htmx:configRequest", function (e) {
    if (csrf) e.detail.headers["X-CSRF-Token"] = csrf;
  });
});
