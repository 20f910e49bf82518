// Replay of a coding item in the report: the editor snapshots, oldest first, on a time slider.
//   <div class="replay" data-replay-url="…/replay">  (JSON: {snapshots: [{t, at, code}],
//     events: [{t, kind, text}]}: the item's integrity signals, web/hiring/signals.py)
//     .replay-slider (input type=range), .replay-prev, .replay-next, .replay-label, .replay-view,
//     .replay-events (a list of the signals: each button moves to the code of that moment)
// The code is shown in a read-only CodeMirror view; nothing is sent back.
import { EditorView, minimalSetup } from 'codemirror';
import { lineNumbers } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { python } from '@codemirror/lang-python';
import { getJSON } from './api.js';
import { clockText } from './duration.js';
import { editorTheme } from './editor_prefs.js';


function show(view, text) {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

async function initOne(box) {
  const slider = box.querySelector('.replay-slider');
  const label = box.querySelector('.replay-label');
  const view = new EditorView({
    parent: box.querySelector('.replay-view'),
    extensions: [editorTheme(), minimalSetup, lineNumbers(), python(), EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.contentAttributes.of({ 'aria-label': 'Code at the chosen moment (read only)' })],
  });
  let data;
  try {
    data = await getJSON(box.dataset.replayUrl);
  } catch (err) {
    label.textContent = `The replay could not be loaded: ${err.message}`;
    return;
  }
  const snapshots = data.snapshots || [];
  const events = data.events || [];
  if (!snapshots.length) {
    label.textContent = 'No snapshots.';
    return;
  }
  slider.max = String(snapshots.length - 1);
  const go = (index) => {
    const i = Math.max(0, Math.min(snapshots.length - 1, index));
    slider.value = String(i);
    const snap = snapshots[i];
    show(view, snap.code);
    label.textContent = `${i + 1} of ${snapshots.length} · ${clockText(snap.t)} after the start`;
    box.dataset.index = String(i);
  };
  slider.addEventListener('input', () => go(Number(slider.value)));
  box.querySelector('.replay-prev').addEventListener('click', () => go(Number(slider.value) - 1));
  box.querySelector('.replay-next').addEventListener('click', () => go(Number(slider.value) + 1));
  go(snapshots.length - 1); // start on the final code
  markEvents(box, snapshots, events, go);
}

/** The index of the first snapshot taken at or after the event (to the microsecond). */
function firstAfter(snapshots, event) {
  const index = snapshots.findIndex((snap) => snap.ts >= event.ts);
  return index === -1 ? snapshots.length - 1 : index;
}

/** The signals on the timeline: a tick on the slider at the first snapshot after each one
 * (a <datalist>, which the browser draws), and a list of buttons that show the code then. */
function markEvents(box, snapshots, events, go) {
  const list = box.querySelector('.replay-events');
  if (!list || !events.length) return;
  const slider = box.querySelector('.replay-slider');
  const ticks = document.createElement('datalist');
  ticks.id = `${box.id || 'replay'}-signals`;
  ticks.className = 'replay-ticks';
  ticks.append(...events.map((event) => {
    const after = firstAfter(snapshots, event);
    const option = document.createElement('option');
    option.value = String(after);
    option.label = event.text;
    return option;
  }));
  box.appendChild(ticks);
  slider.setAttribute('list', ticks.id);
  list.replaceChildren(...events.map((event) => {
    const li = document.createElement('li');
    li.dataset.signal = event.kind;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = `${clockText(event.t)} · ${event.text}`;
    const after = firstAfter(snapshots, event);
    button.addEventListener('click', () => go(after));
    li.appendChild(button);
    return li;
  }));
  list.hidden = false;
}

export function initReplay() {
  document.querySelectorAll('.replay[data-replay-url]').forEach((box) => {
    initOne(box).catch((err) => console.error('cvjudge: replay failed', err));
  });
}
