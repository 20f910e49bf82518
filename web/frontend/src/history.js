// The submission history (#history, refreshed by submit.js) has, per row:
//   <button class="reopen" data-submission-id="17">  -> load that submission's code into the editor
//   <button class="show-result" data-submission-id="17"> -> show its result panel
// Event delegation, so rows inserted later work too. The server names the URLs on #history:
// data-code-url (JSON with the code) and data-panel-url, each with "{id}".
import { getHTML, getJSON } from './api.js';
import { getCode, setCode, hasEditor } from './editor.js';
import { renderMath } from './math.js';
import { setStatus } from './status_line.js';

function url(name, id) {
  const history = document.getElementById('history');
  const template = history && history.dataset[name];
  if (!template) throw new Error('This page does not say where submissions are.');
  return template.replace('{id}', encodeURIComponent(id));
}

async function reopen(id) {
  if (!hasEditor()) return;
  const sub = await getJSON(url('codeUrl', id));
  if (typeof sub.code !== 'string') throw new Error('That submission has no code to show.');
  if (sub.code === getCode()) return;
  if (!window.confirm(`Replace the code in the editor with submission #${id}?`)) return;
  setCode(sub.code);
  setStatus(`Loaded submission #${id} into the editor.`);
}

async function showResult(id) {
  const panel = document.getElementById('result-panel');
  if (!panel) return;
  panel.innerHTML = await getHTML(url('panelUrl', id)); // escaped by the server
  renderMath(panel);
}

export function initHistory() {
  const history = document.getElementById('history');
  if (!history) return;
  history.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-submission-id]');
    if (!button || !history.contains(button)) return;
    const id = button.dataset.submissionId;
    let action = null;
    if (button.classList.contains('reopen')) action = reopen;
    else if (button.classList.contains('show-result')) action = showResult;
    if (!action) return;
    event.preventDefault();
    button.disabled = true;
    try {
      await action(id);
    } catch (err) {
      setStatus(err.message || 'Something went wrong.', 'error');
    } finally {
      button.disabled = false;
    }
  });
}
