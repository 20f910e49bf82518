// <button data-print> opens the browser's print dialog (where "Save as PDF" lives).
// The page's print stylesheet hides the controls and keeps the content.

export function initPrint() {
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-print]');
    if (!button) return;
    event.preventDefault();
    window.print();
  });
}
