// Review cards (templates/study/review/index.html): the rating buttons stay disabled until the
// model answer is revealed; Space reveals it and 1–4 rate (again, hard, good, easy), as in Anki.
function typing(target) {
  return target instanceof Element && Boolean(target.closest('input, textarea, select, button, summary, a'));
}

export function initReview() {
  const card = document.querySelector('.flashcard');
  const answer = card && card.querySelector('details.answer');
  if (!answer) return;
  const buttons = [...card.querySelectorAll('.ratings button[name=rating]')];
  const hint = card.querySelector('.review-keys');

  const sync = () => {
    buttons.forEach((button) => { button.disabled = !answer.open; });
    if (hint) hint.dataset.state = answer.open ? 'revealed' : 'hidden';
  };
  answer.addEventListener('toggle', sync);
  sync();
  card.dataset.keys = 'on'; // the keys below are live (a test waits for this after each load)

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const dialog = document.getElementById('shortcuts');
    if ((dialog && dialog.open) || typing(event.target)) return;
    if (event.key === ' ' && !answer.open) {
      event.preventDefault();
      answer.open = true;
      sync();
      return;
    }
    const button = answer.open && buttons.find((b) => b.value === event.key);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
}
