// Submitting and live verdicts on the challenge page (and on a mock interview's coding item).
// Every URL comes from the server, on #editor (or #result-panel on a submission's own page):
//   data-submit-url      #run-examples / #submit-code POST {challenge, code, kind: "run"|"submit"}
//   data-submission-url  polled (JSON) until status == "done"          ("{id}": the submission)
//   data-panel-url       then fetched into #result-panel               ("{id}" likewise)
//   data-history-url     then fetched into #history (optional)
// Each accepted POST is announced as
// a `cvjudge:submitted` event on document (detail: the submission, plus the code sent).
// A #result-panel with data-pending-id (queued before a reload) is resumed on load.
import { ApiError, getHTML, getJSON, postJSON } from './api.js';
import { getCode } from './editor.js';
import { renderMath } from './math.js';
import { setStatus } from './status_line.js';

const FAST_POLL_MS = 700;
const SLOW_POLL_MS = 2000;
const FAST_PHASE_MS = 20000;
const MAX_RETRY_MS = 15000;
const STATUS_TEXT = { queued: 'Queued…', running: 'Running…' };

let busy = false;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const byId = (id) => document.getElementById(id);

function challengeName() {
  const editor = byId('editor');
  const history = byId('history');
  const panel = byId('result-panel');
  return (editor && editor.dataset.challenge)
    || (history && history.dataset.challenge)
    || (panel && panel.dataset.challenge)
    || '';
}

/** The URLs the server put on #editor (or, on a submission's own page, #result-panel). */
function endpoints() {
  const editor = byId('editor');
  const panel = byId('result-panel');
  const urls = { ...((panel && panel.dataset) || {}), ...((editor && editor.dataset) || {}) };
  const withId = (template) => (id) => {
    if (!template) throw new Error('This page does not say where submissions are.');
    return template.replace('{id}', encodeURIComponent(id));
  };
  return {
    submit: urls.submitUrl,
    submission: withId(urls.submissionUrl),
    panel: withId(urls.panelUrl),
    history: urls.historyUrl || '',
  };
}

function setBusy(value) {
  busy = value;
  for (const id of ['run-examples', 'submit-code', 'run-custom']) {
    const button = byId(id);
    if (button) button.disabled = value;
  }
  const panel = byId('result-panel');
  if (panel) panel.setAttribute('aria-busy', value ? 'true' : 'false');
}

function summary(sub) {
  const verdict = String(sub.verdict || 'done').replace(/_/g, ' ');
  if (sub.kind === 'custom') {
    const custom = sub.result && sub.result.extra && sub.result.extra.custom;
    if (!custom || custom.refused) return 'custom input: not run';
    if (custom.agree) return 'custom input: your answer agrees with the reference';
    return custom.answered ? 'custom input: your answer differs from the reference'
      : `custom input: no answer (${verdict})`;
  }
  if (sub.kind === 'run') {
    // examples only: the score is meaningless, count the passing examples instead
    const props = sub.result && Array.isArray(sub.result.properties) ? sub.result.properties : null;
    if (!props) return `examples: ${verdict}`;
    const passed = props.filter((p) => p && p.passed).length;
    return `${verdict} — ${passed}/${props.length} examples passed`;
  }
  if (typeof sub.score !== 'number') return verdict;
  return `${verdict} — ${sub.score}/100`;
}

async function refreshFragment(elementId, url) {
  const el = byId(elementId);
  if (!el) return;
  el.innerHTML = await getHTML(url); // server-rendered and escaped
  renderMath(el);
}

/** Poll one submission until it is done; never gives up on network trouble. */
async function waitUntilDone(id, { pollFirst }) {
  const started = Date.now();
  let failures = 0;
  let first = true;
  for (;;) {
    if (!(first && pollFirst)) {
      const elapsed = Date.now() - started;
      await sleep(elapsed < FAST_PHASE_MS ? FAST_POLL_MS : SLOW_POLL_MS);
    }
    first = false;
    let sub;
    try {
      sub = await getJSON(endpoints().submission(id));
    } catch (err) {
      if (err instanceof ApiError && err.retryable) {
        failures += 1;
        setStatus('Connection lost, retrying…', 'busy');
        await sleep(Math.min(MAX_RETRY_MS, 1000 * 2 ** (failures - 1)));
        continue;
      }
      throw err;
    }
    failures = 0;
    if (sub.status === 'done') return sub;
    setStatus(sub.waiting || STATUS_TEXT[sub.status] || 'Waiting…', 'busy');
  }
}

async function follow(id, { pollFirst = false } = {}) {
  setBusy(true);
  const panel = byId('result-panel');
  try {
    const sub = await waitUntilDone(id, { pollFirst });
    if (panel) delete panel.dataset.pendingId;
    try {
      await refreshFragment('result-panel', endpoints().panel(id));
    } catch (err) {
      setStatus(`${summary(sub)} (the result could not be shown: ${err.message})`, 'error');
      return;
    }
    setStatus(summary(sub), 'done');
    const { history } = endpoints();
    if (history) {
      try {
        await refreshFragment('history', history);
      } catch (err) {
        console.warn('cvjudge: could not refresh the history', err);
      }
    }
  } catch (err) {
    if (panel) delete panel.dataset.pendingId;
    setStatus(err.message || 'Something went wrong.', 'error');
  } finally {
    setBusy(false);
  }
}

/** Send the editor's code as `kind` ('run' | 'submit' | 'custom'), with `extra` body fields
 * (custom: {input}), and follow it to its result. */
export async function start(kind, extra = {}) {
  if (busy) return;
  const code = getCode();
  if (code === null) return;
  setBusy(true);
  setStatus(kind === 'submit' ? 'Submitting…' : 'Sending…', 'busy');
  let sub;
  try {
    sub = await postJSON(endpoints().submit, { ...extra, challenge: challengeName(), code, kind });
  } catch (err) {
    // the code stays in the editor untouched
    setStatus(err.message || 'The submission failed.', 'error');
    setBusy(false);
    return;
  }
  document.dispatchEvent(new CustomEvent('cvjudge:submitted', { detail: { ...sub, code } }));
  const panel = byId('result-panel');
  if (panel) panel.dataset.pendingId = String(sub.id);
  setStatus(sub.waiting || STATUS_TEXT[sub.status] || 'Queued…', 'busy');
  await follow(sub.id, { pollFirst: sub.status === 'done' });
}

export function initSubmit() {
  const run = byId('run-examples');
  const submit = byId('submit-code');
  if (run) run.addEventListener('click', (event) => { event.preventDefault(); start('run'); });
  if (submit) submit.addEventListener('click', (event) => { event.preventDefault(); start('submit'); });

  const panel = byId('result-panel');
  const pending = panel && panel.dataset.pendingId;
  if (pending) {
    setStatus('Waiting for the previous submission…', 'busy');
    follow(pending, { pollFirst: true });
  }
}
