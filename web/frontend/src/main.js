// Entry point of the one bundle loaded on every page (<script src="/static/dist/app.js" defer>).
// Each feature switches itself on only when its DOM hooks are present; see ../README.md.
import { renderMath } from './math.js';
import { initEditor } from './editor.js';
import { initSubmit } from './submit.js';
import { initHistory } from './history.js';
import { initProgress } from './progress.js';
import { initConfirm } from './confirm.js';
import { initCountdown } from './countdown.js';
import { initInterview } from './interview.js';
import { initSignals } from './signals.js';
import { initLive } from './live.js';
import { initReplay } from './replay.js';
import { initPrint } from './print.js';
import { initCopy } from './copy.js';
import { initMenu } from './menu.js';
import { initTables } from './tables.js';
import { initPreferences } from './preferences.js';
import { initShortcuts } from './shortcuts.js';
import { initReview } from './review.js';
import { initLocalTime } from './localtime.js';
import { initCustomInput } from './custom_input.js';

function safely(name, fn) {
  try {
    fn();
  } catch (err) {
    // One broken feature must not take the others down with it.
    console.error(`cvjudge: ${name} failed to start`, err);
  }
}

function init() {
  safely('preferences', initPreferences); // the theme first, before anything is drawn
  safely('menu', initMenu);
  safely('tables', initTables);
  safely('localtime', initLocalTime);
  safely('shortcuts', initShortcuts);
  safely('review', initReview);
  safely('confirm', initConfirm);
  safely('math', () => renderMath(document));
  safely('editor', initEditor);
  safely('submit', initSubmit);
  safely('history', initHistory);
  safely('progress', initProgress);
  safely('interview', initInterview); // before the timer, which may fire at once
  safely('signals', initSignals);
  safely('countdown', initCountdown);
  safely('live', initLive);
  safely('replay', initReplay);
  safely('print', initPrint);
  safely('copy', initCopy);
  safely('custom input', initCustomInput);
}

document.documentElement.classList.add('js'); // responsive.css collapses the menu only with scripts

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init, { once: true });
} else {
  init();
}
