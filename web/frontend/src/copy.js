// <button data-copy="#selector"> copies that element's text (a link shown once, say).
// Where the clipboard is out of reach (plain HTTP on another host), it selects the text instead.

function selectText(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

export function initCopy() {
  document.addEventListener('click', async (event) => {
    const button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) return;
    const target = document.querySelector(button.dataset.copy);
    if (!target) return;
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(target.textContent.trim());
      button.textContent = 'Copied';
    } catch (err) {
      selectText(target);
      button.textContent = 'Selected: press Ctrl+C';
    }
  });
}
