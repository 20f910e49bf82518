// Timers: `[data-deadline]` (ISO time, UTC) shows the time left in its `.remaining`.
// The server enforces the deadline; this only tells the person how long they have.
//   data-server-now  the server's time when it sent the page: the countdown follows the
//                    server's clock even when this computer's clock is wrong
//   data-over-text   what to show at zero (default: the quiz's message)
// At zero the timer gets class `over` and fires a bubbling `cvjudge:timeup` event; from five
// minutes before, it has class `soon`.

import { clockText } from './duration.js';

const SOON_MS = 5 * 60 * 1000;
const OVER_TEXT = '0:00 — time is up; answers sent now are not saved';

export function initCountdown() {
  const timer = document.querySelector('[data-deadline]');
  if (!timer) return;
  const deadline = Date.parse(timer.dataset.deadline);
  const out = timer.querySelector('.remaining');
  if (Number.isNaN(deadline) || !out) return;
  const serverNow = Date.parse(timer.dataset.serverNow || '');
  const skew = Number.isNaN(serverNow) ? 0 : serverNow - Date.now(); // server ahead of us by
  const tick = () => {
    const left = deadline - (Date.now() + skew);
    out.textContent = clockText(Math.ceil(left / 1000));
    timer.classList.toggle('soon', left <= SOON_MS);
    if (left <= 0) {
      timer.classList.add('over');
      out.textContent = timer.dataset.overText || OVER_TEXT;
      clearInterval(handle);
      timer.dispatchEvent(new CustomEvent('cvjudge:timeup', { bubbles: true }));
    }
  };
  const handle = setInterval(tick, 1000);
  tick();
}
