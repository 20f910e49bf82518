// Quiz timer: `[data-deadline]` (ISO time, UTC) shows the time left in its `.remaining`.
// The server enforces the deadline; this only tells the person how long they have.

function format(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return `${minutes}:${seconds}`;
}

export function initCountdown() {
  const timer = document.querySelector('[data-deadline]');
  if (!timer) return;
  const deadline = Date.parse(timer.dataset.deadline);
  const out = timer.querySelector('.remaining');
  if (Number.isNaN(deadline) || !out) return;
  const tick = () => {
    const left = deadline - Date.now();
    out.textContent = format(left);
    if (left <= 0) {
      timer.classList.add('over');
      out.textContent = '0:00 — time is up; answers sent now are not saved';
      clearInterval(handle);
    }
  };
  const handle = setInterval(tick, 1000);
  tick();
}
