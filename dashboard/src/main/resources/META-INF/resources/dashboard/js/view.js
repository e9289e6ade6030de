// DOM building without innerHTML (every text from the API goes in as text), and the shared wording of scores,
// flags and times.

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

export const BANDS = {
  PHQ9: { max: 27, bands: [{ from: 5, label: 'mild' }, { from: 10, label: 'moderate' },
    { from: 15, label: 'mod. severe' }, { from: 20, label: 'severe' }] },
  GAD7: { max: 21, bands: [{ from: 5, label: 'mild' }, { from: 10, label: 'moderate' }, { from: 15, label: 'severe' }] },
};

export function band(instrument, total) {
  if (total === null || total === undefined) return '';
  const found = BANDS[instrument].bands.filter(b => total >= b.from).pop();
  return found ? (found.label === 'mod. severe' ? 'moderately severe' : found.label) : 'minimal';
}

const TRENDS = { IMPROVING: 'improving', WORSENING: 'worsening', STABLE: 'stable' };

export function scoreText(instrument, score) {
  if (!score || score.latest === null || score.latest === undefined) return 'no score yet';
  const parts = [`${score.latest} (${band(instrument, score.latest)})`];
  if (score.trend) parts.push(TRENDS[score.trend] || score.trend.toLowerCase());
  if (score.changeFromBaselinePercent !== null && score.changeFromBaselinePercent !== undefined) {
    parts.push(`${score.changeFromBaselinePercent > 0 ? '+' : ''}${score.changeFromBaselinePercent}% from baseline ${score.baseline}`);
  }
  if (score.remission) parts.push('remission');
  else if (score.response) parts.push('response');
  return parts.join(', ');
}

const SOURCES = {
  INTAKE_SELF_HARM: 'self-harm thoughts at intake',
  ASSESSMENT_SELF_HARM: 'self-harm risk in an assessment',
  SEVERE_SIDE_EFFECT: 'severe side effect',
  CHAT_RISK: 'risk detected in chat',
};

export function flagKind(source) {
  return SOURCES[source] || String(source || 'urgent').toLowerCase();
}

export function when(iso) {
  if (!iso) return h('span', { class: 'muted' }, 'none');
  const date = new Date(iso);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const abs = Math.abs(seconds);
  let relative;
  if (abs < 60) relative = seconds >= 0 ? 'just now' : 'in under a minute';
  else if (abs < 3600) relative = fmt(Math.round(abs / 60), 'min', seconds);
  else if (abs < 86400) relative = fmt(Math.round(abs / 3600), 'h', seconds);
  else relative = fmt(Math.round(abs / 86400), 'd', seconds);
  return h('time', { datetime: date.toISOString(), title: date.toLocaleString() },
    `${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} (${relative})`);
}

function fmt(n, unit, seconds) {
  return seconds >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}
