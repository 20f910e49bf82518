// Progress page charts (Chart.js, only the pieces used are registered so the rest is tree-shaken).
//   <canvas id="score-chart"> + <script type="application/json" id="score-data">
//       {"points": [{"t": "2026-11-20T10:00:00Z", "total": 150}, ...]}
//   <canvas id="tag-chart">   + <script type="application/json" id="tag-data">
//       {"tags": [{"tag": "boxes", "solved": 1, "total": 2}, ...]}
import {
  Chart, LineController, LineElement, PointElement, BarController, BarElement,
  LinearScale, CategoryScale, Tooltip, Legend,
} from 'chart.js';
import { timeAxis } from './time_axis.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement,
  LinearScale, CategoryScale, Tooltip, Legend);

function readJSON(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  try {
    return JSON.parse(el.textContent);
  } catch (err) {
    console.error(`cvjudge: #${id} is not valid JSON`, err);
    return null;
  }
}

/** A colour variable as the page resolves it now (theme.css writes them as light-dark()). */
function cssVar(name, fallback) {
  if (!getComputedStyle(document.documentElement).getPropertyValue(name).trim()) return fallback;
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value || fallback;
}

function label(canvas, text) {
  if (!canvas.hasAttribute('role')) canvas.setAttribute('role', 'img');
  if (!canvas.hasAttribute('aria-label')) canvas.setAttribute('aria-label', text);
}

function scoreChart(canvas, data) {
  const points = ((data && data.points) || [])
    .map((p) => ({ x: Date.parse(p.t), y: Number(p.total) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => a.x - b.x);
  const last = points[points.length - 1];
  const now = Date.now();
  // carry the current total on to today, so the line does not stop at the last solve
  const line = last && last.x < now ? [...points, { x: now, y: last.y }] : points;
  const axis = timeAxis(line);
  const colour = cssVar('--chart-accent', '#2563eb');
  label(canvas, last ? `Total score over time, now ${last.y}` : 'Total score over time (no points yet)');
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [{
        label: 'Total score',
        data: line,
        stepped: true, // the total holds until the next solve, then jumps
        borderColor: colour,
        backgroundColor: colour,
        pointRadius: line.map((p, i) => (i < points.length ? 3 : 0)),
        pointHoverRadius: 5,
      }],
    },
    options: {
      parsing: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? new Date(items[0].parsed.x).toLocaleString([], { timeZoneName: 'short' }) : ''),
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: axis.min,
          max: axis.max,
          afterBuildTicks: (scale) => { scale.ticks = axis.ticks.map((value) => ({ value })); },
          ticks: { callback: axis.label, autoSkip: false, maxRotation: 0 },
          title: { display: Boolean(axis.title), text: axis.title },
        },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Score' } },
      },
    },
  });
}

function tagChart(canvas, data) {
  const tags = ((data && data.tags) || []).filter((t) => t && typeof t.tag === 'string');
  const solved = tags.map((t) => Number(t.solved) || 0);
  const remaining = tags.map((t, i) => Math.max(0, (Number(t.total) || 0) - solved[i]));
  label(canvas, `Challenges solved by tag: ${tags.map((t) => `${t.tag} ${t.solved}/${t.total}`).join(', ')}`);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: tags.map((t) => t.tag),
      datasets: [
        { label: 'Solved', data: solved, backgroundColor: cssVar('--chart-solved', '#16a34a') },
        { label: 'Not solved yet', data: remaining, backgroundColor: cssVar('--chart-unsolved', '#d1d5db') },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      // a taller chart when there are many tags
      aspectRatio: Math.max(1, Math.min(3, 12 / Math.max(1, tags.length))),
      plugins: {
        tooltip: {
          callbacks: {
            footer: (items) => {
              const t = items.length ? tags[items[0].dataIndex] : null;
              return t ? `${t.solved} of ${t.total} solved` : '';
            },
          },
        },
      },
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: true },
      },
    },
  });
}

export function initProgress() {
  Chart.defaults.color = cssVar('--chart-text', Chart.defaults.color);
  Chart.defaults.borderColor = cssVar('--chart-grid', Chart.defaults.borderColor);
  const score = document.getElementById('score-chart');
  if (score) scoreChart(score, readJSON('score-data'));
  const tags = document.getElementById('tag-chart');
  if (tags) tagChart(tags, readJSON('tag-data'));
}
