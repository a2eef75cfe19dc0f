// Console behaviour in a file of its own: the Content-Security-Policy runs scripts from our files only,
// so pages carry no inline handlers.
(function () {
  'use strict';

  // An avatar that cannot be loaded (none uploaded yet) shows the placeholder instead of a broken image.
  function markMissing(img) {
    if (img instanceof HTMLImageElement && img.classList.contains('avatar')) {
      img.classList.add('missing');
    }
  }
  document.addEventListener('error', function (event) { markMissing(event.target); }, true);
  // images that failed before this deferred script ran
  document.querySelectorAll('img.avatar').forEach(function (img) {
    if (img.complete && img.naturalWidth === 0) {
      markMissing(img);
    }
  });

  // <input type="file" data-avatar-preview="id">: the chosen file is previewed in that image before upload.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-avatar-preview')) {
      return;
    }
    var preview = document.getElementById(input.getAttribute('data-avatar-preview'));
    var file = input.files && input.files[0];
    if (preview && file) {
      preview.src = URL.createObjectURL(file);
      preview.classList.remove('missing');
    }
  });

  // <form data-reset-on-success>: emptied once htmx reports the request succeeded.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail && event.detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-reset-on-success') && event.detail.successful) {
      form.reset();
    }
  });
})();
