// Tables become stacked rows on phones (responsive.css); each cell then shows its column's
// header before it, copied here into data-label (colspan respected). Rows added later (the
// submission history) are labelled when they arrive.
function label(table) {
  const head = table.tHead && table.tHead.rows[0];
  if (!head) return;
  const names = [];
  for (const th of head.cells) {
    for (let i = 0; i < th.colSpan; i += 1) names.push(th.textContent.trim());
  }
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const name = names[column];
        if (name && cell.colSpan === 1) cell.dataset.label = name;
        column += cell.colSpan;
      }
    }
  }
}

export function labelTables(root = document) {
  root.querySelectorAll('table.list').forEach(label);
}

export function initTables() {
  labelTables();
  new MutationObserver((changes) => {
    for (const change of changes) {
      change.addedNodes.forEach((node) => {
        if (node.nodeType !== 1) return;
        if (node.matches('table.list')) label(node);
        else labelTables(node);
      });
    }
  }).observe(document.body, { childList: true, subtree: true });
}
