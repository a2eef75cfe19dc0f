// Console chat: sends a message through the API, then follows the reply's event stream (long-poll if the
// stream breaks). Plain script, no build step; everything user-written is inserted as text, never as HTML.
(function () {
  'use strict';
  var chat = document.getElementById('chat');
  var pick = document.getElementById('chat-personality');
  if (pick) {
    pick.addEventListener('change', function () { pick.form.submit(); });
  }
  if (!chat) {
    return;
  }
  var avatar = chat.querySelector('img.avatar');
  if (avatar) {
    // the image may have failed before this deferred script ran, so check as well as listen
    if (avatar.complete && avatar.naturalWidth === 0) {
      avatar.hidden = true;
    }
    avatar.addEventListener('error', function () { avatar.hidden = true; });
  }
  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-message');
  var send = document.getElementById('chat-send');
  var regenerate = document.getElementById('chat-regenerate');
  var alertBox = document.getElementById('console-alert');
  var lastMessage = null;
  // the newest reply: regenerate replaces it, and its arrows move between its versions
  var last = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function addLine(role, text) {
    var empty = document.getElementById('chat-empty');
    if (empty) { empty.remove(); }
    var li = el('li', 'msg msg-' + role);
    li.appendChild(el('div', 'bubble', text));
    log.appendChild(li);
    li.scrollIntoView({ block: 'end' });
    return li;
  }

  function showError(message) {
    alertBox.textContent = '';
    var p = el('p', 'error', message);
    p.setAttribute('role', 'alert');
    alertBox.appendChild(p);
  }

  function setBusy(busy) {
    send.disabled = busy;
    regenerate.disabled = busy || lastMessage === null;
  }

  function finish(li, reply) {
    li.classList.remove('pending');
    li.removeAttribute('aria-busy');
    li.classList.remove('streaming');
    var bubble = li.querySelector('.bubble');
    if (reply.status === 'done') {
      bubble.textContent = reply.content;
    } else {
      li.classList.add('failed');
      bubble.textContent = reply.error || 'No reply.';
    }
    if (reply.status === 'done' && reply.reasoning) {
      var thinking = el('details', 'reasoning');
      thinking.appendChild(el('summary', null, 'Thinking'));
      thinking.appendChild(el('div', 'reasoning-text', reply.reasoning));
      li.insertBefore(thinking, bubble);
    }
    var meta = el('div', 'reply-meta');
    if (reply.footer) { meta.appendChild(el('div', 'footer', reply.footer.replace(/^-#\s*/, ''))); }
    else if (reply.model) { meta.appendChild(el('div', 'footer', reply.model)); }
    if (reply.memories && reply.memories.length > 0) {
      var details = el('details', 'recalled');
      details.open = true;
      details.appendChild(el('summary', null, 'Recalled ' + reply.memories.length
        + (reply.memories.length === 1 ? ' memory' : ' memories')));
      var list = el('ul');
      reply.memories.forEach(function (m) {
        var item = el('li', 'recalled-memory');
        item.appendChild(el('span', 'score', 'score ' + Number(m.score).toFixed(2)));
        item.appendChild(document.createTextNode(' '));
        item.appendChild(el('span', 'preview', m.preview));
        list.appendChild(item);
      });
      details.appendChild(list);
      meta.appendChild(details);
    }
    if (last && last.li === li && (reply.status === 'done' || last.before)) {
      if (reply.status !== 'done') {
        // a failed regenerate leaves the reply as it was
        last.index = last.before.index;
        last.count = last.before.count;
      }
      last.before = null;
      last.done = true;
      meta.appendChild(swipeNav(li));
    }
    var inspect = el('a', 'inspect', 'Inspect this reply');
    inspect.href = '/console/inspect?replyId=' + encodeURIComponent(reply.replyId);
    meta.appendChild(inspect);
    li.appendChild(meta);
    li.scrollIntoView({ block: 'end' });
    setBusy(false);
  }

  // ◀ i/n ▶ under the newest reply, once it has more than one version
  function swipeNav(li) {
    var nav = el('span', 'swipes');
    if (!last || last.li !== li || last.count < 2) { nav.hidden = true; return nav; }
    var previous = el('button', 'secondary swipe-previous', '◀');
    var next = el('button', 'secondary swipe-next', '▶');
    previous.type = 'button';
    next.type = 'button';
    previous.setAttribute('aria-label', 'Previous version');
    next.setAttribute('aria-label', 'Next version');
    previous.disabled = last.index <= 0;
    next.disabled = last.index >= last.count - 1;
    previous.addEventListener('click', function () { swipe(last.index - 1); });
    next.addEventListener('click', function () { swipe(last.index + 1); });
    nav.appendChild(previous);
    nav.appendChild(el('span', 'swipe-position', (last.index + 1) + '/' + last.count));
    nav.appendChild(next);
    return nav;
  }

  function swipe(index) {
    var current = last;
    setBusy(true);
    fetch('/api/v1/replies/' + encodeURIComponent(current.replyId) + '/swipe', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: index })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('The request failed (' + r.status + ').')); }
        return body;
      });
    }).then(function (shown) {
      current.index = shown.index;
      current.count = shown.count;
      current.li.querySelector('.bubble').textContent = shown.content;
      var old = current.li.querySelector('.swipes');
      if (old) { old.replaceWith(swipeNav(current.li)); }
      setBusy(false);
    }).catch(function (e) { showError(e.message); setBusy(false); });
  }

  // asks again for the newest reply in place: the same reply, streamed again, its old text kept as a version
  function regenerateLast() {
    var current = last;
    setBusy(true);
    alertBox.textContent = '';
    fetch('/api/v1/replies/' + encodeURIComponent(current.replyId) + '/regenerate', {
      method: 'POST',
      credentials: 'same-origin'
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('The request failed (' + r.status + ').')); }
        return body;
      });
    }).then(function () {
      var li = current.li;
      li.classList.remove('failed');
      li.querySelectorAll('.reply-meta, .reasoning').forEach(function (n) { n.remove(); });
      li.classList.add('pending');
      li.setAttribute('aria-busy', 'true');
      li.querySelector('.bubble').textContent = '…';
      current.done = false;
      current.before = { index: current.index, count: current.count };
      current.count = Math.max(current.count, 1) + 1;
      current.index = current.count - 1;
      follow(current.replyId, li);
    }).catch(function (e) { showError(e.message); setBusy(false); });
  }

  function poll(replyId, li) {
    fetch('/api/v1/replies/' + encodeURIComponent(replyId) + '?wait=30', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (reply) {
        if (reply.status === 'pending') { poll(replyId, li); } else { finish(li, reply); }
      })
      .catch(function () { showError('Lost the connection while waiting for the reply.'); setBusy(false); });
  }

  function follow(replyId, li) {
    var finished = false;
    var source = new EventSource('/api/v1/replies/' + encodeURIComponent(replyId) + '/events');
    source.addEventListener('status', function () {
      li.querySelector('.bubble').textContent = chat.dataset.name + ' is typing…';
    });
    // the text grows while the model writes; 'reset' replaces it when later text changed what was shown
    var streamed = '';
    source.addEventListener('delta', function (e) {
      streamed += JSON.parse(e.data).text;
      li.classList.add('streaming');
      li.querySelector('.bubble').textContent = streamed;
    });
    source.addEventListener('reset', function (e) {
      streamed = JSON.parse(e.data).text;
      li.querySelector('.bubble').textContent = streamed === '' ? chat.dataset.name + ' is typing…' : streamed;
    });
    source.addEventListener('content', function (e) {
      li.querySelector('.bubble').textContent = JSON.parse(e.data).content;
    });
    ['done', 'failed'].forEach(function (name) {
      source.addEventListener(name, function (e) {
        finished = true;
        source.close();
        finish(li, JSON.parse(e.data));
      });
    });
    source.onerror = function () {
      if (finished) { return; }
      finished = true;
      source.close();
      poll(replyId, li);
    };
  }

  function say(message) {
    lastMessage = message;
    setBusy(true);
    alertBox.textContent = '';
    addLine('user', message);
    var li = addLine('assistant', '…');
    li.classList.add('pending');
    li.setAttribute('aria-busy', 'true');
    fetch('/api/v1/chat', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personality: chat.dataset.personality, message: message })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('The request failed (' + r.status + ').')); }
        return body;
      });
    }).then(function (started) {
      li.dataset.replyId = started.replyId;
      last = { li: li, replyId: started.replyId, index: 0, count: 1, done: false };
      follow(started.replyId, li);
    }).catch(function (e) {
      li.remove();
      showError(e.message);
      setBusy(false);
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var message = input.value.trim();
    if (message === '') { input.focus(); return; }
    input.value = '';
    say(message);
  });
  regenerate.addEventListener('click', function () {
    if (last && last.done) {
      regenerateLast();
    } else if (lastMessage !== null) {
      say(lastMessage); // the last reply failed: there is nothing to replace, so the message is sent again
    }
  });
})();
