// Code editor: CodeMirror 6 (Python) mounted in #editor on the challenge page.
//   <div id="editor" data-challenge="iou" data-draft-key="cvjudge:draft:<user_id>:iou"></div>
//   <script type="application/json" id="starter-code">"def iou(...): ..."</script>
// The draft lives in localStorage under data-draft-key and survives a reload. A signed-in page
// also names data-visitor-draft-key, the key the same page used before logging in: a draft
// typed there as a visitor is carried over to the account's key (drafts.js).
// Where the server keeps the code (mock interviews), the page also carries
//   <script type="application/json" id="saved-code">"…" or null</script> and data-draft-base
// (the id of that server snapshot). The server's copy wins, unless the local draft grew from
// that very snapshot: then it holds typing the server never received, and is used instead.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { followPreferences, preferenceExtensions } from './editor_prefs.js';
import { carryVisitorDraft } from './drafts.js';
import { setStatus } from './status_line.js';
import './editor.css';

const SAVE_DELAY_MS = 300;

let view = null;
let starter = '';
let draftKey = '';
let draftBase = null; // null: a plain string draft (practice); else the server snapshot id
let saveTimer = null;

/** The JSON string in <script type="application/json" id=…>, or null. */
function readCode(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  try {
    const value = JSON.parse(el.textContent);
    return typeof value === 'string' ? value : null;
  } catch (err) {
    console.error(`cvjudge: #${id} is not valid JSON`, err);
    return null;
  }
}

function initialDoc() {
  const draft = loadDraft();
  if (draftBase === null) return draft !== null ? draft : starter;
  let local;
  try {
    local = draft ? JSON.parse(draft) : null;
  } catch (err) {
    local = null;
  }
  if (local && typeof local.code === 'string' && String(local.base) === draftBase) return local.code;
  const saved = readCode('saved-code');
  return saved !== null ? saved : starter;
}

function loadDraft() {
  if (!draftKey) return null;
  try {
    return window.localStorage.getItem(draftKey);
  } catch (err) {
    return null; // storage disabled
  }
}

function saveDraft() {
  if (saveTimer !== null) {
    clearTimeout(saveTimer);
    saveTimer = null;
  }
  if (!view || !draftKey) return;
  const code = getCode();
  try {
    if (draftBase !== null) window.localStorage.setItem(draftKey, JSON.stringify({ base: draftBase, code }));
    // Nothing worth keeping: forget the draft, so a later change of the starter shows up.
    else if (code === starter) window.localStorage.removeItem(draftKey);
    else window.localStorage.setItem(draftKey, code);
  } catch (err) {
    // quota exceeded or storage disabled: the editor still works, the draft just isn't kept
  }
}

function scheduleSave() {
  if (saveTimer !== null) clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, SAVE_DELAY_MS);
}

function clickButton(id) {
  const button = document.getElementById(id);
  // click() on a disabled button does nothing, which is what we want while a run is in flight
  if (button) button.click();
  return true; // swallow the key either way (basicSetup maps Mod-Enter to insertBlankLine)
}

/** The editor's text, or null when there is no editor on the page. */
export function getCode() {
  return view ? view.state.doc.toString() : null;
}

/** Replace the whole text (undoable with Ctrl+Z); saved as the draft at once. */
export function setCode(text) {
  if (!view) return;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: String(text) },
    selection: { anchor: 0 },
    scrollIntoView: true,
  });
  saveDraft();
}

/** The server now holds the editor's code as snapshot `id` (drafts grow from it). */
export function setDraftBase(id) {
  if (draftBase === null || id === undefined || id === null) return;
  draftBase = String(id);
  saveDraft();
}

export function hasEditor() {
  return view !== null;
}

export function initEditor() {
  const parent = document.getElementById('editor');
  if (!parent || view) return;

  starter = readCode('starter-code') || '';
  draftKey = parent.dataset.draftKey || '';
  const carried = carryVisitorDraft(parent.dataset.visitorDraftKey, draftKey);
  if (parent.dataset.draftBase !== undefined) draftBase = parent.dataset.draftBase;

  view = new EditorView({
    doc: initialDoc(),
    parent,
    extensions: [
      ...preferenceExtensions(),
      Prec.highest(keymap.of([
        { key: 'Mod-Enter', run: () => clickButton('run-examples') },
        { key: 'Mod-Shift-Enter', run: () => clickButton('submit-code') },
      ])),
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      EditorView.contentAttributes.of({ 'aria-label': 'Code editor (Python)', tabindex: '0' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) scheduleSave();
      }),
    ],
  });

  followPreferences(view);
  window.addEventListener('beforeunload', saveDraft);
  window.addEventListener('pagehide', saveDraft);

  const reset = document.getElementById('reset-code');
  if (reset) {
    reset.addEventListener('click', (event) => {
      event.preventDefault();
      if (getCode() === starter) return;
      if (window.confirm('Replace your code with the starter code? Your current code will be lost.')) {
        setCode(starter);
        view.focus();
      }
    });
  }

  window.cvjudgeEditor = { getCode, setCode };
  if (carried) setStatus('Your draft from before you logged in is here, kept under your account.');
}
