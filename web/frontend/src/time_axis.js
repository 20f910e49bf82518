// The progress chart's time axis, in the viewer's time zone (kept apart from Chart.js so a
// unit test can run it under node with any TZ).
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function startOfDay(ms) {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

function nextDay(ms) {
  const day = new Date(ms);
  day.setDate(day.getDate() + 1);
  return startOfDay(day.getTime());
}

/**
 * The x axis for points [{x}]: one tick per local day (or every few days), each date once;
 * when everything falls within one day, that day from midnight to midnight with hourly ticks
 * and the date as the axis title, so the steps spread out instead of standing in one line.
 */
export function timeAxis(points) {
  if (!points.length) return { min: undefined, max: undefined, ticks: [], label: () => '', title: '' };
  const first = points[0].x;
  const last = points[points.length - 1].x;
  const ticks = [];
  if (startOfDay(first) === startOfDay(last)) {
    const min = startOfDay(first);
    const max = nextDay(min);
    for (let hour = 0; hour < 24; hour += 3) ticks.push(new Date(min).setHours(hour));
    return {
      min, max, ticks,
      label: (value) => new Date(value).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      title: new Date(min).toLocaleDateString([], { dateStyle: 'long' }),
    };
  }
  const min = startOfDay(first);
  const max = nextDay(last);
  const days = Math.round((max - min) / DAY);
  const step = Math.max(1, Math.ceil(days / 7));
  for (let day = new Date(min); day.getTime() <= max; day.setDate(day.getDate() + step)) ticks.push(day.getTime());
  return { min, max, ticks, label: (value) => new Date(value).toLocaleDateString(), title: '' };
}

