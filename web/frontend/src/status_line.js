// The one status line of the challenge page: <p id="status-line" role="status" aria-live="polite">.
// state ('busy' | 'done' | 'error' | '') is mirrored to data-state for styling.

export function setStatus(text, state = '') {
  const el = document.getElementById('status-line');
  if (!el) return;
  el.textContent = text;
  if (state) el.dataset.state = state;
  else delete el.dataset.state;
}
