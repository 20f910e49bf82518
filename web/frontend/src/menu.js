// The site header's menu on narrow screens: #menu-toggle opens and closes #site-menu
// (responsive.css hides it below 760 px once <html> has the `js` class set in main.js).
export function initMenu() {
  const toggle = document.getElementById('menu-toggle');
  const header = toggle && toggle.closest('header');
  if (!toggle || !header) return;
  const set = (open) => {
    header.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Close' : 'Menu';
  };
  toggle.addEventListener('click', () => set(!header.classList.contains('open')));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && header.classList.contains('open')) {
      set(false);
      toggle.focus();
    }
  });
}
