// Custom input on the challenge page: the arguments typed in #custom-form (one textarea per
// parameter, data-param=<name>) are sent with the editor's code as a "custom" run; the server
// checks them and answers a mistake at once, the result shows in #result-panel like a Run.
import { start } from './submit.js';

function typedInput(form) {
  const input = {};
  for (const field of form.querySelectorAll('textarea[data-param]')) {
    input[field.dataset.param] = field.value;
  }
  return input;
}

export function initCustomInput() {
  const form = document.getElementById('custom-form');
  const button = document.getElementById('run-custom');
  if (!form || !button) return;
  button.addEventListener('click', (event) => {
    event.preventDefault();
    start('custom', { input: typedInput(form) });
  });
}
