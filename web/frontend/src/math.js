// Maths: markdown (dollarmath) leaves raw TeX in <span class="math inline"> and
// <div class="math block">; typeset it with KaTeX in place.
import katex from 'katex';
import 'katex/dist/katex.css';

const SELECTOR = '.math.inline, .math.block';

function renderOne(el) {
  if (el.dataset.mathRendered) return;
  const tex = el.textContent;
  katex.render(tex, el, {
    displayMode: el.classList.contains('block'),
    throwOnError: false, // bad TeX is shown in red, not thrown
    // trust stays false: \href, \includegraphics etc. are refused (users write TeX too).
  });
  el.dataset.mathRendered = '1';
}

/** Typeset every maths element inside `root` (a document or an element); idempotent. */
export function renderMath(root = document) {
  if (!root) return;
  if (root.matches && root.matches(SELECTOR)) renderOne(root);
  root.querySelectorAll(SELECTOR).forEach(renderOne);
}
