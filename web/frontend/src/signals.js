// Integrity signals on the candidate's page (web/hiring/signals.py; the rules page says what
// is recorded): pastes and their size, the page losing focus and getting it back, and pauses
// of IDLE_S or more in typing while the page has focus.
//   <div id="interview" data-events-url="…/events">
// Only sizes and durations are sent, never what was pasted. The page's own confirmation
// dialogs (Finish, say) take the focus too, and so does closing the tab: those are not
// counted, nor is any loss of focus shorter than BRIEF_MS.
import { postJSON } from './api.js';

const IDLE_S = 60; // as web/hiring/signals.py
const ACTIVITY = ['keydown', 'pointerdown', 'input'];

let url = '';
let leftAt = null; // when the page lost focus (ms), while it is away
let leftTimer = null; // reports the loss once it has lasted BRIEF_MS
const BRIEF_MS = 1000;
let lastActive = Date.now();
let dialogUntil = 0; // focus changes until then come from the page's own dialog
const DIALOG_SLACK_MS = 500;

function ownDialog() {
  return Date.now() < dialogUntil;
}

/** window.confirm, marking the time its dialog holds the focus. */
function watchDialogs() {
  const ask = window.confirm.bind(window);
  window.confirm = (message) => {
    dialogUntil = Infinity;
    try {
      return ask(message);
    } finally {
      dialogUntil = Date.now() + DIALOG_SLACK_MS;
    }
  };
}

function send(kind, amount = 0) {
  postJSON(url, { kind, amount: Math.max(0, Math.round(amount)) })
    .catch((err) => console.warn('cvjudge: signal not recorded', err.message));
}

function pasted(event) {
  const text = event.clipboardData ? event.clipboardData.getData('text') : '';
  send('paste', text.length);
}

function away() {
  if (leftAt !== null || ownDialog()) return;
  leftAt = Date.now();
  leftTimer = setTimeout(() => {
    leftTimer = null;
    send('left', (Date.now() - leftAt) / 1000);
  }, BRIEF_MS);
}

function back() {
  if (leftAt === null) return;
  const seconds = (Date.now() - leftAt) / 1000;
  leftAt = null;
  lastActive = Date.now(); // time away is not a pause in typing as well
  if (leftTimer !== null) { // back within BRIEF_MS: nothing to report
    clearTimeout(leftTimer);
    leftTimer = null;
    return;
  }
  send('back', seconds);
}

function active() {
  const now = Date.now();
  const pause = (now - lastActive) / 1000;
  if (pause >= IDLE_S && leftAt === null) send('idle', pause);
  lastActive = now;
}

export function initSignals() {
  const root = document.getElementById('interview');
  if (!root || !root.dataset.eventsUrl) return;
  url = root.dataset.eventsUrl;
  watchDialogs();
  document.addEventListener('paste', pasted, true);
  window.addEventListener('blur', away);
  window.addEventListener('focus', back);
  document.addEventListener('visibilitychange', () => (document.hidden ? away() : back()));
  ACTIVITY.forEach((name) => document.addEventListener(name, active, true));
}
