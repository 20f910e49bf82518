// Times in the viewer's own time zone, its name shown: every <time datetime="…Z"
// data-local> (the `when` macro, templates/_macros.html) is rewritten from the server's UTC
// text to, e.g., "2026-12-02 15:04 CET". Rows that arrive later are rewritten too.
const formatter = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23', timeZoneName: 'short',
});

/** "YYYY-MM-DD HH:MM ZONE" for an ISO timestamp, in this browser's time zone; null if invalid. */
export function localText(iso) {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return null;
  const parts = Object.fromEntries(formatter.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

export function localizeTimes(root = document) {
  root.querySelectorAll('time[data-local]').forEach((el) => {
    const text = localText(el.getAttribute('datetime'));
    if (text && el.textContent !== text) {
      el.textContent = text;
      el.title = `${el.getAttribute('datetime')} (UTC)`;
    }
  });
}

export function initLocalTime() {
  localizeTimes();
  new MutationObserver((changes) => {
    if (changes.some((c) => c.addedNodes.length)) localizeTimes();
  }).observe(document.body, { childList: true, subtree: true });
}
