// Small inline-SVG charts: scores over time with the instrument's band thresholds drawn, and weekly adherence.
const SVG = 'http://www.w3.org/2000/svg';
const W = 480;
const H = 220;
const PAD = { left: 34, right: 110, top: 12, bottom: 28 };

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(label) {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label });
  svg.append(el('title', {}, label));
  return svg;
}

function dateLabel(date) {
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/**
 * points: [{at: Date, total: number}] oldest first; bands: [{from, label}] lower bounds above 0; max: scale top.
 */
export function scoreChart({ title, points, bands, max }) {
  const summary = points.length
    ? `${title}: ${points.length} scores, latest ${points[points.length - 1].total} on ${dateLabel(points[points.length - 1].at)}`
    : `${title}: no scores yet`;
  const svg = frame(summary);
  const x0 = PAD.left;
  const x1 = W - PAD.right;
  const y = v => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  svg.append(el('line', { x1: x0, x2: x1, y1: y(0), y2: y(0), stroke: '#6b7785' }));
  svg.append(el('text', { x: x0 - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'));
  svg.append(el('text', { x: x0 - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)));
  for (const band of bands) {
    svg.append(el('line', { x1: x0, x2: x1, y1: y(band.from), y2: y(band.from), class: 'threshold' }));
    svg.append(el('text', { x: x1 + 6, y: y(band.from) + 4 }, `${band.from} ${band.label}`));
  }
  if (!points.length) {
    svg.append(el('text', { x: (x0 + x1) / 2, y: H / 2, 'text-anchor': 'middle' }, 'No scores yet'));
    return svg;
  }
  const t0 = points[0].at.getTime();
  const span = Math.max(1, points[points.length - 1].at.getTime() - t0);
  const x = p => points.length === 1 ? (x0 + x1) / 2 : x0 + (x1 - x0) * (p.at.getTime() - t0) / span;
  svg.append(el('polyline', { class: 'series', points: points.map(p => `${x(p)},${y(p.total)}`).join(' ') }));
  for (const p of points) {
    const dot = el('circle', { cx: x(p), cy: y(p.total), r: 4, class: 'point' });
    dot.append(el('title', {}, `${p.total} on ${dateLabel(p.at)}`));
    svg.append(dot);
  }
  svg.append(el('text', { x: x0, y: H - 8 }, dateLabel(points[0].at)));
  if (points.length > 1) {
    svg.append(el('text', { x: x1, y: H - 8, 'text-anchor': 'end' }, dateLabel(points[points.length - 1].at)));
  }
  return svg;
}

/** weeks: [{start: Date, taken, missed}] oldest first. */
export function adherenceChart(weeks) {
  const label = weeks.length
    ? `Dose check-ins per week: ${weeks.map(w => `${dateLabel(w.start)} ${w.taken} taken, ${w.missed} missed`).join('; ')}`
    : 'Dose check-ins per week: none yet';
  const svg = frame(label);
  const x0 = PAD.left;
  const x1 = W - PAD.right;
  const max = Math.max(7, ...weeks.map(w => w.taken + w.missed));
  const y = v => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max);
  svg.append(el('line', { x1: x0, x2: x1, y1: y(0), y2: y(0), stroke: '#6b7785' }));
  svg.append(el('text', { x: x0 - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)));
  svg.append(el('text', { x: x1 + 6, y: PAD.top + 10 }, 'taken'));
  svg.append(el('rect', { x: x1 + 50, y: PAD.top + 1, width: 10, height: 10, class: 'bar' }));
  svg.append(el('text', { x: x1 + 6, y: PAD.top + 26 }, 'missed'));
  svg.append(el('rect', { x: x1 + 50, y: PAD.top + 17, width: 10, height: 10, class: 'bar-missed' }));
  if (!weeks.length) {
    svg.append(el('text', { x: (x0 + x1) / 2, y: H / 2, 'text-anchor': 'middle' }, 'No check-ins yet'));
    return svg;
  }
  const slot = (x1 - x0) / weeks.length;
  const width = Math.min(36, slot * 0.7);
  weeks.forEach((w, i) => {
    const left = x0 + slot * i + (slot - width) / 2;
    svg.append(el('rect', { x: left, y: y(w.taken), width, height: y(0) - y(w.taken), class: 'bar' }));
    svg.append(el('rect', { x: left, y: y(w.taken + w.missed), width, height: y(w.taken) - y(w.taken + w.missed), class: 'bar-missed' }));
    svg.append(el('text', { x: left + width / 2, y: H - 8, 'text-anchor': 'middle' }, dateLabel(w.start)));
  });
  return svg;
}
