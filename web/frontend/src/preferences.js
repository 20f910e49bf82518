// Display preferences: the site theme (<html data-theme>) and the editor's theme, font size
// and keys. Signed-in users get theirs from the server (#user-prefs, saved by POSTing to
// <html data-prefs-url>); visitors keep them in localStorage, and carry them into an account
// that has none of its own yet when they sign up or in. Every change fires
// `cvjudge:prefs` on document (detail: the whole set) so the editor can follow it;
// so does a change of the system's colour scheme.
import { postJSON } from './api.js';
import { setStatus } from './status_line.js';

export const DEFAULTS = Object.freeze({ theme: 'system', editor_theme: 'site', font_size: 14, keymap: 'default' });
const STORAGE_KEY = 'cvjudge:prefs';
const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

let prefs = null;

function fromStorage() {
  try {
    const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '{}');
    return value && typeof value === 'object' ? value : {};
  } catch (err) {
    return {};
  }
}

function fromServer() {
  const el = document.getElementById('user-prefs');
  if (!el) return null;
  try {
    return JSON.parse(el.textContent);
  } catch (err) {
    return null;
  }
}

function signedIn() {
  return Boolean(document.documentElement.dataset.prefsUrl);
}

/** The preferences in force (defaults filled in). */
export function currentPrefs() {
  if (prefs === null) prefs = { ...DEFAULTS, ...(fromServer() || fromStorage()) };
  return prefs;
}

/** Whether the site is showing its dark theme right now. */
export function siteIsDark() {
  const { theme } = currentPrefs();
  return theme === 'dark' || (theme === 'system' && Boolean(darkQuery && darkQuery.matches));
}

/** Whether the editor should be dark, given its own setting and the site's. */
export function editorIsDark() {
  const { editor_theme: editorTheme } = currentPrefs();
  return editorTheme === 'site' ? siteIsDark() : editorTheme === 'dark';
}

function announce() {
  document.documentElement.dataset.theme = currentPrefs().theme;
  document.dispatchEvent(new CustomEvent('cvjudge:prefs', { detail: { ...currentPrefs() } }));
}

/** Apply `changes` at once and keep them (server or browser); resolves when stored. */
export async function savePrefs(changes) {
  prefs = { ...currentPrefs(), ...changes };
  announce();
  if (!signedIn()) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
    } catch (err) {
      // storage disabled: the choice holds for this page only
    }
    return prefs;
  }
  prefs = { ...DEFAULTS, ...(await postJSON(document.documentElement.dataset.prefsUrl, changes)) };
  return prefs;
}

function wirePanel(panel) {
  panel.querySelectorAll('[data-pref]').forEach((field) => {
    field.value = String(currentPrefs()[field.dataset.pref]);
    field.addEventListener('change', () => {
      const key = field.dataset.pref;
      const value = key === 'font_size' ? Number(field.value) : field.value;
      savePrefs({ [key]: value }).catch((err) => setStatus(`Settings not saved: ${err.message}`, 'error'));
    });
  });
}

/** A visitor who signs up (or in, still on defaults) keeps what they chose as a visitor. */
function adoptVisitorChoices() {
  const server = fromServer();
  const local = fromStorage();
  if (!server || !Object.keys(local).length) return;
  const untouched = Object.keys(DEFAULTS).every((key) => server[key] === DEFAULTS[key]);
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch (err) {
    // storage disabled: nothing was kept there either
  }
  if (!untouched) return; // the account's own choices win
  const changes = Object.fromEntries(Object.keys(DEFAULTS).filter((key) => key in local)
    .map((key) => [key, local[key]]));
  savePrefs(changes).catch(() => { prefs = { ...DEFAULTS, ...server }; announce(); });
}

export function initPreferences() {
  adoptVisitorChoices();
  document.documentElement.dataset.theme = currentPrefs().theme;
  const panel = document.getElementById('editor-prefs');
  if (panel) wirePanel(panel);
  if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener('change', announce);
}
