// <form data-confirm="Delete this challenge?"> asks before submitting (inline onclick is
// forbidden by the CSP). A submit button may carry its own data-confirm, which wins.

export function initConfirm() {
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.submitter;
    const message = (submitter && submitter.dataset && submitter.dataset.confirm) || form.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
}
