// Replay of a coding item in the report: the editor snapshots, oldest first, on a time slider.
//   <div class="replay" data-replay-url="…/replay">  (JSON: {snapshots: [{t, at, code}]})
//     .replay-slider (input type=range), .replay-prev, .replay-next, .replay-label, .replay-view
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
  let snapshots = [];
  try {
    snapshots = (await getJSON(box.dataset.replayUrl)).snapshots || [];
  } catch (err) {
    label.textContent = `The replay could not be loaded: ${err.message}`;
    return;
  }
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
}

export function initReplay() {
  document.querySelectorAll('.replay[data-replay-url]').forEach((box) => {
    initOne(box).catch((err) => console.error('cvjudge: replay failed', err));
  });
}
