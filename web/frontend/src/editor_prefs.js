// The editor's share of the preferences (preferences.js): a dark or light theme, the font
// size and Vim key bindings (@replit/codemirror-vim), each in its own Compartment so a change
// in the settings applies to the open editor without losing its text or undo history.
import { Compartment, Prec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { color, oneDarkHighlightStyle, oneDarkTheme } from '@codemirror/theme-one-dark';
import { vim } from '@replit/codemirror-vim';
import { currentPrefs, editorIsDark } from './preferences.js';

const themeSlot = new Compartment();
const keymapSlot = new Compartment();

// light paper of its own, so a light editor stays light on the dark site
const light = EditorView.theme({ '&': { backgroundColor: '#fff', color: '#1d2330' } }, { dark: false });

// One Dark, with its three dimmest colours lightened to reach 4.5:1 on its background (the
// accessibility audit checks the editor too): comments and line numbers, names, keywords.
const LIGHTER = { [color.stone]: '#a3abba', [color.coral]: '#f0959c', [color.violet]: '#d697ec' };
const dark = [
  oneDarkTheme,
  syntaxHighlighting(HighlightStyle.define(oneDarkHighlightStyle.specs.map(
    (spec) => (LIGHTER[spec.color] ? { ...spec, color: LIGHTER[spec.color] } : spec)))),
  Prec.highest(EditorView.theme({ '.cm-gutters': { color: LIGHTER[color.stone] } }, { dark: true })),
];

function themeExtension() {
  return editorIsDark() ? dark : light;
}

function keymapExtension() {
  return currentPrefs().keymap === 'vim' ? vim() : [];
}

function applyFontSize(view) {
  view.dom.style.setProperty('--editor-font-size', `${currentPrefs().font_size}px`);
  view.requestMeasure();
}

function describe(view) {
  const { keymap } = currentPrefs();
  view.dom.dataset.keymap = keymap;
  view.dom.dataset.theme = editorIsDark() ? 'dark' : 'light';
}

/** The editor theme in force now (for read-only views that need not follow changes). */
export function editorTheme() {
  return themeExtension();
}

/** Extensions to put first in the editor (Vim's keys must come before the others). */
export function preferenceExtensions() {
  return [keymapSlot.of(keymapExtension()), themeSlot.of(themeExtension())];
}

/** Follow later changes of the preferences in `view`. */
export function followPreferences(view) {
  applyFontSize(view);
  describe(view);
  document.addEventListener('cvjudge:prefs', () => {
    view.dispatch({ effects: [keymapSlot.reconfigure(keymapExtension()),
      themeSlot.reconfigure(themeExtension())] });
    applyFontSize(view);
    describe(view);
  });
}
