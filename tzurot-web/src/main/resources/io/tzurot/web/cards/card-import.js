// Console → Characters → Import: preview a dropped card, then save it through the API. No inline code (CSP).
(function () {
  'use strict';
  var drop = document.getElementById('card-drop');
  if (!drop) { return; }
  var input = document.getElementById('card-file');
  var status = document.getElementById('card-status');
  var preview = document.getElementById('card-preview');
  var image = document.getElementById('card-preview-image');
  var frame = document.getElementById('card-preview-frame');
  var save = document.getElementById('card-save');
  var chosen = null;

  function text(id, value) {
    document.getElementById(id).textContent = value || '—';
  }

  function form(file) {
    var data = new FormData();
    data.append('file', file, file.name);
    return data;
  }

  function send(url, file) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', body: form(file) }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('The request failed (' + r.status + ').')); }
        return body;
      });
    });
  }

  function show(file) {
    chosen = null;
    preview.hidden = true;
    status.textContent = 'Reading ' + file.name + '…';
    send('/console/characters/import/preview', file).then(function (p) {
      chosen = file;
      text('card-preview-name', p.name);
      text('card-preview-slug', '@' + p.slug);
      text('card-preview-kind', p.kind);
      text('card-preview-lore', p.lorebookEntries + ' lorebook ' + (p.lorebookEntries === 1 ? 'entry' : 'entries'));
      text('card-preview-description', p.characterInfo);
      text('card-preview-personality', p.personalityTraits);
      text('card-preview-greeting', p.firstMessage);
      if (p.imageUrl) {
        image.src = p.imageUrl;
        frame.hidden = false;
      } else {
        image.removeAttribute('src');
        frame.hidden = true;
      }
      preview.hidden = false;
      status.textContent = 'This is what will be imported. Press Save to keep it.';
    }).catch(function (e) {
      status.textContent = e.message;
    });
  }

  drop.addEventListener('dragover', function (e) {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', function () {
    drop.classList.remove('dragging');
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files.length > 0) { show(e.dataTransfer.files[0]); }
  });
  input.addEventListener('change', function () {
    if (input.files.length > 0) { show(input.files[0]); }
  });
  save.addEventListener('click', function () {
    if (!chosen) { return; }
    save.disabled = true;
    status.textContent = 'Saving…';
    send('/api/v1/personalities/import', chosen).then(function (made) {
      status.textContent = 'Saved ' + made.name + '.';
      window.location.assign('/console/chat?personality=' + encodeURIComponent(made.slug));
    }).catch(function (e) {
      save.disabled = false;
      status.textContent = e.message;
    });
  });
}());
