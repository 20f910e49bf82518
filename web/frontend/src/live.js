// The interviewer's live view: #live[data-live-url] is polled while the interview can still
// change, and the page's pieces are updated in place (text only: the candidate's code and
// everything else arrive as data and are set with textContent, never as markup).
//   [data-live=time-left|current|code-where], #interview-status, #live-code
//   tr[data-position] > td[data-field=seconds|attempts|best|verdict|answer], #live-submissions,
//   #live-answer (in #live-answer-box, hidden unless the candidate is on a written item),
//   #live-signals and #live-signal-summary (pastes, focus, pauses: web/hiring/signals.py)
import { getJSON } from './api.js';
import { clockText } from './duration.js';
import { localText } from './localtime.js';

const POLL_MS = 3000;
const WAITING_POLL_MS = 10000; // before the candidate starts
const OVER = new Set(['finished', 'revoked', 'expired']);


function setText(root, selector, text) {
  const el = root.querySelector(selector);
  if (el && el.textContent !== text) el.textContent = text;
}

/** A badge as the server describes it: {class, text} (web/display.py). */
function badge(described) {
  const el = document.createElement('span');
  el.className = described.class;
  el.textContent = described.text;
  return el;
}

function renderItems(root, state) {
  for (const item of state.items) {
    const row = root.querySelector(`tr[data-position="${item.position}"]`);
    if (!row) continue;
    row.classList.toggle('current', item.position === state.current_position);
    setText(row, '[data-field=seconds]', clockText(item.seconds));
    if (item.kind === 'challenge') {
      const attempts = row.querySelector('[data-field=attempts]');
      if (attempts) {
        attempts.textContent = `${item.attempts} `;
        const runs = document.createElement('small');
        runs.className = 'muted';
        runs.textContent = `+ ${item.runs} runs`;
        attempts.appendChild(runs);
      }
      setText(row, '[data-field=best]', item.best_score === null ? '—' : String(item.best_score));
      const verdict = row.querySelector('[data-field=verdict]');
      if (verdict) verdict.replaceChildren(item.last_badge ? badge(item.last_badge) : '—');
    } else {
      setText(row, '[data-field=answer]', `${item.answer_chars} characters written`);
    }
  }
}

function renderSubmissions(root, state) {
  const list = root.querySelector('#live-submissions');
  if (!list) return;
  if (!state.submissions.length) return;
  list.replaceChildren(...state.submissions.map((sub) => {
    const li = document.createElement('li');
    li.dataset.submissionId = String(sub.id);
    li.append(`item ${sub.position + 1} · ${sub.kind} · `, badge(sub.badge));
    if (sub.status === 'done' && sub.kind === 'submit') li.append(` ${sub.score}/100`);
    return li;
  }));
}

function renderSignals(root, state) {
  const list = root.querySelector('#live-signals');
  if (!list || !state.signals) return;
  list.replaceChildren(...state.signals.map((signal) => {
    const li = document.createElement('li');
    li.dataset.signal = signal.kind;
    li.textContent = `${clockText(signal.t)} · ${signal.text}`;
    return li;
  }));
  setText(root, '#live-signal-summary',
    state.signal_summary.length ? state.signal_summary.join('; ') : 'None so far.');
}

function render(root, state) {
  root.dataset.status = state.status;
  const status = document.getElementById('interview-status');
  if (status) {
    status.textContent = state.status_label;
    status.className = `badge status-${state.status}`;
  }
  setText(root, '[data-live=time-left]', state.seconds_left === null ? '—' : clockText(state.seconds_left));
  setText(root, '[data-live=current]', state.current_position === null ? '—'
    : `${state.current_position + 1}. ${state.current_title}`);
  renderItems(root, state);
  renderSubmissions(root, state);
  renderSignals(root, state);
  const answerBox = document.getElementById('live-answer-box');
  if (answerBox) answerBox.hidden = state.current_answer === null;
  setText(root, '#live-answer', state.current_answer || '');
  const code = state.latest_code;
  setText(root, '#live-code', code ? code.code : '');
  setText(root, '[data-live=code-where]', code ? `item ${code.position + 1}, ${localText(code.taken_at) || code.taken_at}` : '');
}

export function initLive() {
  const root = document.getElementById('live');
  if (!root || !root.dataset.liveUrl) return;
  const poll = async () => {
    let state = null;
    try {
      state = await getJSON(root.dataset.liveUrl);
      render(root, state);
    } catch (err) {
      console.warn('cvjudge: live view update failed', err);
    }
    const status = state ? state.status : root.dataset.status;
    if (OVER.has(status)) return; // nothing will change any more
    setTimeout(poll, status === 'invited' ? WAITING_POLL_MS : POLL_MS);
  };
  if (!OVER.has(root.dataset.status)) setTimeout(poll, POLL_MS);
}
