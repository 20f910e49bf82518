// A mock interview, the candidate's side: keep the server up to date, and stop at the end.
//   <div id="interview" data-kind="challenge"|"question" data-snapshot-url data-answer-url>
//   coding items: the editor (editor.js) is sent as a snapshot every few seconds when it
//     changed, and on leaving the page; run and submit save one on the server too
//   written items: <textarea id="interview-answer"> is sent shortly after typing stops
//   <form data-carry-work> (navigation, Finish) gets the current code or answer as a hidden
//     field, so the server saves it in the same request that leaves the item
// When the timer fires `cvjudge:timeup`, the last work is sent (the server still accepts it for
// a few seconds) and the page reloads onto the closing page. A refusal from the server (time
// up, interview closed) locks the page the same way.
import { postJSON } from './api.js';
import { getCode, setDraftBase } from './editor.js';

const SNAPSHOT_EVERY_MS = 5000;
const ANSWER_DELAY_MS = 1200;
const RELOAD_AFTER_MS = 1500;

let root = null;
let kind = '';
let lastSent = null;
let queue = Promise.resolve();
let locked = false;
let answerTimer = null;

const byId = (id) => document.getElementById(id);

function currentWork() {
  if (kind === 'challenge') return getCode();
  const answer = byId('interview-answer');
  return answer ? answer.value : null;
}

function showState(text, state = '') {
  const el = byId('save-state');
  if (!el) return;
  el.textContent = text;
  if (state) el.dataset.state = state;
  else delete el.dataset.state;
}

function savedAt() {
  return new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function lock(message) {
  if (locked) return;
  locked = true;
  showState(message || 'The interview is locked.', 'error');
  document.querySelectorAll('#run-examples, #submit-code, #interview-answer, .interview-nav button')
    .forEach((el) => { el.disabled = true; });
  setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
}

/** Send the work if it changed since the last save; saves run one after another. */
function save({ keepalive = false } = {}) {
  queue = queue.then(async () => {
    const work = currentWork();
    if (work === null || work === lastSent) return;
    const url = kind === 'challenge' ? root.dataset.snapshotUrl : root.dataset.answerUrl;
    const body = kind === 'challenge' ? { code: work } : { answer: work };
    showState('Saving…', 'busy');
    try {
      const reply = await postJSON(url, body, { keepalive });
      lastSent = work;
      if (reply && reply.snapshot_id !== undefined) setDraftBase(reply.snapshot_id);
      showState(`Saved ${savedAt()}`, 'done');
    } catch (err) {
      if (err.status === 409 || err.status === 404) lock(err.message);
      else showState(`Not saved yet (${err.message}); retrying…`, 'error');
    }
  });
  return queue;
}

function carryWork(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-carry-work')) return;
  if (event.defaultPrevented) return; // e.g. the Finish confirmation was declined
  const name = kind === 'challenge' ? 'code' : 'answer';
  const work = currentWork();
  if (work === null || form.elements.namedItem(name)) return; // the textarea belongs to it
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = name;
  field.value = work;
  form.appendChild(field);
  lastSent = work; // the form saves it
}

function savedCode() {
  const el = byId('saved-code');
  try {
    return el ? JSON.parse(el.textContent) : null;
  } catch (err) {
    return null;
  }
}

export function initInterview() {
  root = byId('interview');
  if (!root) return;
  kind = root.dataset.kind;
  if (kind === 'challenge') {
    lastSent = savedCode(); // what the server holds; a newer local draft is sent at once
    save();
    setInterval(() => { if (!locked) save(); }, SNAPSHOT_EVERY_MS);
    document.addEventListener('cvjudge:submitted', (event) => {
      const detail = event.detail || {};
      if (detail.snapshot_id !== undefined) setDraftBase(detail.snapshot_id);
      if (typeof detail.code === 'string') lastSent = detail.code;
    });
  } else {
    const answer = byId('interview-answer');
    lastSent = answer ? answer.value : null;
    if (answer) {
      answer.addEventListener('input', () => {
        showState('Unsaved changes…');
        clearTimeout(answerTimer);
        answerTimer = setTimeout(save, ANSWER_DELAY_MS);
      });
      answer.addEventListener('blur', () => save());
    }
  }
  document.addEventListener('submit', carryWork);
  window.addEventListener('pagehide', () => { if (!locked) save({ keepalive: true }); });
  document.addEventListener('cvjudge:timeup', async () => {
    await save();
    lock('Time is up: your work is saved.');
  });
}
