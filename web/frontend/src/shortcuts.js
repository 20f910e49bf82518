// Site-wide keys, listed in the `?` panel (<dialog id="shortcuts">, templates/_shortcuts.html).
// They are ignored while the user types in a field or the editor; Ctrl/Cmd+Enter and
// Ctrl/Cmd+Shift+Enter run and submit from anywhere else on a challenge page (inside the
// editor its own keymap does the same).
const LEADER_MS = 1500;

let leaderAt = 0;

function typing(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .cm-editor'));
}

function clickButton(id) {
  const button = document.getElementById(id);
  if (!button) return false;
  button.click();
  return true;
}

function dialog() {
  return document.getElementById('shortcuts');
}

export function toggleHelp() {
  const panel = dialog();
  if (!panel) return;
  if (panel.open) panel.close();
  else panel.showModal();
}

function focusEditor() {
  const content = document.querySelector('#editor .cm-content');
  if (!content) return false;
  content.focus();
  return true;
}

function focusSearch() {
  const search = document.querySelector('form[role=search] input[type=search]');
  if (!search) return false;
  search.focus();
  search.select();
  return true;
}

/** Follow the header's link marked data-go=key (the server writes the URLs). */
function navigate(key) {
  const link = /^[a-z]$/.test(key) && document.querySelector(`header.site a[data-go="${key}"]`);
  if (!link) return false; // only where the menu offers it (review and progress need an account)
  window.location.assign(link.href);
  return true;
}

function onKey(event) {
  if (event.defaultPrevented || typing(event.target)) return; // the editor has its own keymap
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key === 'Enter') {
    if (clickButton(event.shiftKey ? 'submit-code' : 'run-examples')) event.preventDefault();
    return;
  }
  if (mod || event.altKey) return;
  if (dialog() && dialog().open && event.key !== '?') return;
  let handled = false;
  if (leaderAt && Date.now() - leaderAt < LEADER_MS) {
    leaderAt = 0;
    handled = navigate(event.key);
  } else if (event.key === '?') {
    toggleHelp();
    handled = true;
  } else if (event.key === 'g') {
    leaderAt = Date.now();
    handled = true;
  } else if (event.key === '/') {
    handled = focusSearch();
  } else if (event.key === 'e') {
    handled = focusEditor();
  }
  if (handled) event.preventDefault();
}

export function initShortcuts() {
  document.addEventListener('keydown', onKey);
  document.querySelectorAll('[data-shortcuts-open]').forEach((button) => {
    button.addEventListener('click', toggleHelp);
  });
}
