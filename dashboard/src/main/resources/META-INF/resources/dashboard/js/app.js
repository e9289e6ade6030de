// The provider dashboard: caseload, patient view, coordination, driven live by the provider feed.
import { signIn, logout, user } from './auth.js';
import { api, ApiError } from './api.js';
import { follow } from './feed.js';
import { ChatSocket } from './chat.js';
import { scoreChart, adherenceChart } from './chart.js';
import { h, BANDS, scoreText, flagKind, when } from './view.js';

const main = document.getElementById('main');
const alerts = document.getElementById('alerts');
const liveStatus = document.getElementById('live-status');

let me;
let feed;
let chat;
let current = { render: () => {}, onEntry: () => {}, leave: () => {} };
const names = new Map();      // patientId -> display name
const plans = new Map();      // patientId -> care plan id
const openFlags = new Map();  // flagId -> {id, patientId, source, severity, raisedAt}

// replaceChildren() would turn a left-out part (null, false) into text: leave those out.
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

// ---- shared look-ups -------------------------------------------------------------------------

async function planOf(patientId) {
  if (!plans.has(patientId)) {
    const list = await api(`/api/care-plans?patientId=${encodeURIComponent(patientId)}`);
    if (list.length) plans.set(patientId, list[0].id);
  }
  return plans.get(patientId);
}

async function nameOf(patientId, planId) {
  if (!names.has(patientId)) {
    try {
      const id = planId || await planOf(patientId);
      const person = await api(`/api/care-plans/${id}/patient`);
      names.set(patientId, person.name || `Patient ${patientId.slice(0, 8)}`);
    } catch (e) {
      names.set(patientId, `Patient ${patientId.slice(0, 8)}`);
    }
  }
  return names.get(patientId);
}

function patientLink(patientId, planId, name) {
  return h('a', { href: `#/patient/${planId}` }, name);
}

function setLive(state) {
  liveStatus.textContent = state === 'live' ? 'Live' : state === 'reconnecting' ? 'Reconnecting…' : 'Not connected';
  liveStatus.classList.toggle('on', state === 'live');
}

function errorNote(e, what) {
  const reason = e instanceof ApiError ? `${e.message} (${e.status})` : 'the service could not be reached';
  return h('p', { class: 'error' }, `${what} could not be loaded: ${reason}.`);
}

// ---- urgent flags: prominent alerts, acknowledge -----------------------------------------------

async function acknowledge(flag, button) {
  if (button) button.disabled = true;
  try {
    const planId = await planOf(flag.patientId);
    await api(`/api/care-plans/${planId}/flags/${flag.id}/acknowledge`, { method: 'POST' });
    flagAcknowledged(flag.id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      flagAcknowledged(flag.id);
    } else {
      if (button) button.disabled = false;
      alerts.append(h('p', { class: 'alert' }, `The flag could not be acknowledged: ${e.message}`));
    }
  }
}

function flagAcknowledged(flagId) {
  openFlags.delete(flagId);
  document.querySelectorAll(`[data-flag="${CSS.escape(flagId)}"]`).forEach(node => node.remove());
  current.render();
}

async function raiseAlert(flag) {
  // One alert per flag, however often the flag is announced.
  if (alerts.querySelector(`[data-flag="${CSS.escape(flag.id)}"]`)) return;
  openFlags.set(flag.id, flag);
  const planId = await planOf(flag.patientId).catch(() => null);
  const name = await nameOf(flag.patientId, planId);
  const ack = h('button', { type: 'button', onclick: () => acknowledge(flag, ack) }, 'Acknowledge');
  alerts.append(h('div', { class: 'alert', 'data-flag': flag.id, 'data-testid': 'urgent-alert' },
    h('span', {}, h('strong', {}, `Urgent (${flag.severity || 'unknown severity'}): `),
      `${name}: ${flagKind(flag.source)}, `, when(flag.raisedAt)),
    h('span', { class: 'actions' },
      planId ? h('a', { class: 'button secondary', href: `#/patient/${planId}` }, `Open ${name}`) : null,
      ack)));
}

function flagFromEntry(entry) {
  const d = entry.details || {};
  return { id: d.flagId, patientId: entry.patientId, source: d.source, severity: d.severity, raisedAt: entry.occurredAt };
}

function onEntry(entry) {
  if (entry.kind === 'URGENT_FLAG_RAISED' && entry.details && entry.details.flagId) {
    raiseAlert(flagFromEntry(entry));
  } else if (entry.kind === 'URGENT_FLAG_ACKNOWLEDGED' && entry.details) {
    flagAcknowledged(entry.details.flagId);
  }
  current.onEntry(entry);
}

function flagList(flags, planId) {
  return h('ul', { class: 'flags', 'aria-label': 'Open urgent flags' }, flags.map(flag => {
    const ack = h('button', { type: 'button', class: 'secondary',
      onclick: () => acknowledge({ ...flag, patientId: flag.patientId }, ack) }, 'Acknowledge');
    return h('li', { class: 'flag', 'data-flag': flag.id },
      `${flag.severity || ''} · ${flagKind(flag.source)} · `, when(flag.raisedAt), ' ', ack);
  }));
}

// ---- caseload ----------------------------------------------------------------------------------

function caseloadView() {
  let entries = null;
  let failure = null;
  let reload;
  const nextSessions = new Map();

  async function load() {
    try {
      entries = await api('/api/providers/me/caseload');
      failure = null;
      await Promise.all(entries.map(async e => {
        plans.set(e.patientId, e.carePlanId);
        await nameOf(e.patientId, e.carePlanId);
        e.openUrgentFlags.forEach(f => openFlags.set(f.id, { ...f, patientId: e.patientId }));
        try {
          const sessions = await api(`/api/therapy/sessions?patientId=${encodeURIComponent(e.patientId)}&from=${encodeURIComponent(new Date().toISOString())}`);
          nextSessions.set(e.patientId, sessions.find(s => s.status === 'SCHEDULED') || null);
        } catch (err) {
          nextSessions.set(e.patientId, undefined);
        }
      }));
    } catch (e) {
      failure = e;
    }
    render();
  }

  function card(e) {
    const flags = e.openUrgentFlags.filter(f => openFlags.has(f.id)).map(f => ({ ...f, patientId: e.patientId }));
    const next = nextSessions.get(e.patientId);
    const adherence = e.adherence30Days;
    return h('li', { class: `card${flags.length ? ' flagged' : ''}`, 'data-testid': 'caseload-entry' },
      h('h2', {}, patientLink(e.patientId, e.carePlanId, names.get(e.patientId))),
      h('p', { class: 'muted' }, `${e.roles.map(r => r.toLowerCase()).join(' and ')} · ${e.modality.toLowerCase()} care · plan ${e.planStatus.toLowerCase()}`),
      flags.length ? flagList(flags) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Last session'), h('dd', {}, when(e.lastSessionAt)),
        h('dt', {}, 'Next session'), h('dd', {}, next === undefined ? 'unknown' : next ? when(next.startsAt) : 'none booked'),
        h('dt', {}, 'PHQ-9'), h('dd', {}, scoreText('PHQ9', e.phq9)),
        h('dt', {}, 'GAD-7'), h('dd', {}, scoreText('GAD7', e.gad7)),
        h('dt', {}, 'Adherence, 30 days'), h('dd', {}, adherence && adherence.total
          ? `${adherence.percent}% (${adherence.taken} of ${adherence.total} check-ins taken)` : 'no check-ins')));
  }

  function render() {
    fill(main, h('h1', {}, 'Your caseload'),
      failure ? errorNote(failure, 'The caseload') : null,
      entries === null && !failure ? h('p', {}, 'Loading…') : null,
      entries && !entries.length ? h('p', {}, 'No patients on your care teams yet.') : null,
      entries && entries.length ? h('ul', { class: 'cards', 'aria-label': 'Patients, urgent flags first' },
        [...entries].sort((a, b) => flagCount(b) - flagCount(a)).map(card)) : null);
  }

  function flagCount(e) {
    return e.openUrgentFlags.filter(f => openFlags.has(f.id)).length ? 1 : 0;
  }

  load();
  return {
    render,
    onEntry(entry) {
      clearTimeout(reload);
      reload = setTimeout(load, 300);
      if (entry.kind === 'URGENT_FLAG_RAISED' && entries) {
        const e = entries.find(x => x.patientId === entry.patientId);
        if (e) {
          const flag = flagFromEntry(entry);
          e.openUrgentFlags.unshift({ id: flag.id, source: flag.source, severity: flag.severity, raisedAt: flag.raisedAt });
          render();
        }
      }
    },
    leave() { clearTimeout(reload); },
  };
}

// ---- patient view ------------------------------------------------------------------------------

function patientView(planId) {
  let plan;
  let timeline = [];
  let sessions = null;
  let prescriptions = null;
  let failure = null;
  const chats = [];
  const fresh = new Set();
  const timelineBox = h('div');
  const chartsBox = h('div');
  const chatBox = h('section', { class: 'panel chat', 'aria-labelledby': 'chat-heading' });

  async function load() {
    try {
      plan = await api(`/api/care-plans/${planId}`);
      plans.set(plan.patientId, plan.id);
      await nameOf(plan.patientId, plan.id);
      timeline = await api(`/api/care-plans/${planId}/timeline`);
      const q = `patientId=${encodeURIComponent(plan.patientId)}`;
      [sessions, prescriptions] = await Promise.all([
        api(`/api/therapy/sessions?${q}`).catch(() => null),
        api(`/api/prescriptions?${q}`).catch(() => null),
      ]);
      if (prescriptions) {
        await Promise.all(prescriptions.filter(p => p.status === 'ACTIVE').map(async p => {
          p.adherence = await api(`/api/prescriptions/${p.id}/adherence?days=30`).catch(() => null);
        }));
      }
      render();
      openChat();
    } catch (e) {
      failure = e;
      render();
    }
  }

  function render() {
    if (failure) {
      fill(main, h('h1', {}, 'Patient'), errorNote(failure, 'This patient'));
      return;
    }
    if (!plan) {
      fill(main, h('p', {}, 'Loading…'));
      return;
    }
    const name = names.get(plan.patientId);
    const flags = [...openFlags.values()].filter(f => f.patientId === plan.patientId);
    renderTimeline();
    renderCharts();
    fill(main, 
      h('p', {}, h('a', { href: me.isCoordinator && !me.isProvider ? '#/coordinator' : '#/caseload' }, '← Back')),
      h('h1', {}, name),
      h('p', { class: 'muted' }, `${plan.modality.toLowerCase()} care · plan ${plan.status.toLowerCase()} · revision ${plan.revision}`),
      flags.length ? h('section', { 'aria-labelledby': 'flags-heading', class: 'panel' },
        h('h2', { id: 'flags-heading' }, 'Open urgent flags'), flagList(flags)) : null,
      h('div', { class: 'layout' },
        h('div', {},
          h('section', { 'aria-labelledby': 'progress-heading' }, h('h2', { id: 'progress-heading' }, 'Progress'), chartsBox),
          h('section', { 'aria-labelledby': 'sessions-heading' }, h('h2', { id: 'sessions-heading' }, 'Sessions'), sessionsTable()),
          h('section', { 'aria-labelledby': 'rx-heading' }, h('h2', { id: 'rx-heading' }, 'Prescriptions'), prescriptionsTable())),
        h('div', {},
          chatBox,
          h('section', { 'aria-labelledby': 'timeline-heading' }, h('h2', { id: 'timeline-heading' }, 'Timeline'), timelineBox))));
  }

  function renderTimeline() {
    fill(timelineBox, timeline.length
      ? h('ol', { class: 'timeline', 'aria-label': 'Timeline, newest first', 'aria-live': 'polite', tabindex: 0 },
        [...timeline].reverse().map(e => h('li', {
          class: [e.kind.startsWith('URGENT_FLAG_RAISED') || e.kind === 'RISK_FLAG_RAISED' ? 'urgent' : '', fresh.has(e.seq) ? 'new' : ''].join(' ').trim(),
          'data-testid': 'timeline-entry',
        }, when(e.occurredAt), ' — ', e.summary)))
      : h('p', {}, 'Nothing yet.'));
  }

  function renderCharts() {
    // The intake's screening is the baseline, the first point of each line.
    const baseline = instrument => {
      const score = plan.baseline && plan.baseline[instrument === 'PHQ9' ? 'phq9' : 'gad7'];
      return score ? [{ at: new Date(plan.createdAt), total: score.total }] : [];
    };
    const scores = instrument => baseline(instrument).concat(timeline
      .filter(e => e.kind === 'ASSESSMENT_SCORED' && e.details && e.details.instrument === instrument)
      .map(e => ({ at: new Date(e.occurredAt), total: Number(e.details.total) })));
    const weeks = new Map();
    for (const e of timeline.filter(x => x.kind === 'DOSE_CHECK_IN')) {
      const day = new Date(e.occurredAt);
      const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)));
      const week = weeks.get(start.getTime()) || { start, taken: 0, missed: 0 };
      if (e.details && e.details.status === 'TAKEN') week.taken++; else week.missed++;
      weeks.set(start.getTime(), week);
    }
    fill(chartsBox, h('div', { class: 'charts' },
      h('figure', {}, h('figcaption', {}, 'PHQ-9 (depression) over time'),
        scoreChart({ title: 'PHQ-9', points: scores('PHQ9'), ...BANDS.PHQ9 })),
      h('figure', {}, h('figcaption', {}, 'GAD-7 (anxiety) over time'),
        scoreChart({ title: 'GAD-7', points: scores('GAD7'), ...BANDS.GAD7 })),
      h('figure', {}, h('figcaption', {}, 'Medication adherence per week'),
        adherenceChart([...weeks.values()].sort((a, b) => a.start - b.start)))));
  }

  function sessionsTable() {
    if (sessions === null) return h('p', { class: 'muted' }, 'Sessions are not available.');
    if (!sessions.length) return h('p', {}, 'No sessions booked.');
    return h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Therapy sessions, oldest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Modality'), h('th', { scope: 'col' }, 'Format'))),
      h('tbody', {}, sessions.map(s => h('tr', {}, h('td', {}, when(s.startsAt)), h('td', {}, s.status.toLowerCase().replace('_', ' ')),
        h('td', {}, s.modality), h('td', {}, s.format.toLowerCase()))))));
  }

  function prescriptionsTable() {
    if (prescriptions === null) return h('p', { class: 'muted' }, 'Prescriptions are not available.');
    if (!prescriptions.length) return h('p', {}, 'No prescriptions.');
    return h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Prescriptions, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Medication'), h('th', { scope: 'col' }, 'Dose'),
        h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Adherence, 30 days'))),
      h('tbody', {}, prescriptions.map(p => h('tr', {},
        h('td', {}, `${p.medication.name} (${p.medication.drugClass})`),
        h('td', {}, `${p.dose.amount} ${p.dose.unit}, ${p.frequency.toLowerCase().replace(/_/g, ' ')}`),
        h('td', {}, p.status.toLowerCase()),
        h('td', {}, p.adherence && p.adherence.rate !== null
          ? `${Math.round(p.adherence.rate * 100)}% (${p.adherence.taken} of ${p.adherence.expected} doses)` : '—'))))));
  }

  // -- chat panel: the patient's care-team conversation and the providers' huddle
  async function openChat() {
    const kinds = [{ kind: 'CARE_TEAM', label: `${names.get(plan.patientId)} and care team` }];
    const team = plan.careTeam || {};
    if ((me.id === team.therapistId || me.id === team.prescriberId) && team.therapistId && team.prescriberId) {
      kinds.push({ kind: 'TEAM_ONLY', label: 'Team huddle (therapist and prescriber)' });
    }
    for (const k of kinds) {
      try {
        const conversation = await api('/api/chat/conversations', { method: 'POST', body: { kind: k.kind, patientId: plan.patientId } });
        const page = await api(`/api/chat/conversations/${conversation.id}/messages?limit=50`);
        chats.push({ ...k, conversation, messages: new Map(page.messages.map(m => [m.id, m])) });
      } catch (e) {
        chats.push({ ...k, failure: e });
      }
    }
    renderChat(chats[0]);
    chats.filter(c => c.conversation).forEach(c => {
      const newest = [...c.messages.values()].sort((a, b) => b.sequence - a.sequence)[0];
      chat.watch(c.conversation.id, newest && newest.id);
    });
  }

  let shown;
  function renderChat(selected) {
    shown = selected;
    const list = h('ol', { 'aria-label': `Messages: ${selected.label}`, 'aria-live': 'polite', 'data-testid': 'chat-messages', tabindex: 0 });
    if (selected.conversation) {
      [...selected.messages.values()].sort((a, b) => a.sequence - b.sequence).forEach(m => list.append(
        h('li', { class: m.automated ? 'automated' : '' }, h('span', { class: 'author' }, `${author(m)}: `), m.text, ' ',
          h('span', { class: 'muted' }, when(m.sentAt)))));
    }
    const input = h('input', { type: 'text', id: 'chat-input', maxlength: 4000, required: true, autocomplete: 'off' });
    const form = h('form', { onsubmit: event => {
      event.preventDefault();
      if (!input.value.trim()) return;
      chat.send(selected.conversation.id, input.value.trim());
      input.value = '';
    } }, input, h('button', { type: 'submit' }, 'Send'));
    fill(chatBox, 
      h('h2', { id: 'chat-heading' }, 'Chat'),
      chats.length > 1 ? h('div', { class: 'tabs', role: 'group', 'aria-label': 'Conversations' }, chats.map(c =>
        h('button', { type: 'button', 'aria-pressed': String(c === selected),
          onclick: () => renderChat(c) }, c.label))) : null,
      selected.failure ? errorNote(selected.failure, 'This conversation') : list,
      selected.conversation ? h('label', { for: 'chat-input' }, `Message to ${selected.label}`) : null,
      selected.conversation ? form : null);
    list.scrollTop = list.scrollHeight;
  }

  function author(m) {
    if (m.automated) return m.authorName || 'Automated support';
    if (m.authorId === me.id) return 'You';
    if (plan && m.authorId === plan.patientId) return names.get(plan.patientId);
    return m.authorName || (m.authorRole || 'care team').toLowerCase();
  }

  function onMessage(message) {
    const c = chats.find(x => x.conversation && x.conversation.id === message.conversationId);
    if (!c) return;
    c.messages.set(message.id, message);
    if (shown === c) renderChat(c);
  }

  load();
  return {
    render,
    onMessage,
    onEntry(entry) {
      if (!plan || entry.patientId !== plan.patientId) return;
      if (!timeline.some(e => e.seq === entry.seq)) {
        timeline.push(entry);
        fresh.add(entry.seq);
      }
      if (entry.kind.startsWith('URGENT_FLAG')) render();
      else {
        renderTimeline();
        renderCharts();
      }
    },
    leave() {
      chats.filter(c => c.conversation).forEach(c => chat.unwatch(c.conversation.id));
    },
  };
}

// ---- coordination ------------------------------------------------------------------------------

function coordinatorView() {
  let unassigned = null;
  let unassignedFailure = null;
  let flagsFailure = null;

  async function load() {
    try {
      const flagged = await api('/api/providers/me/caseload');
      for (const e of flagged) {
        plans.set(e.patientId, e.carePlanId);
        e.openUrgentFlags.forEach(f => openFlags.set(f.id, { ...f, patientId: e.patientId }));
      }
      flagsFailure = null;
    } catch (e) {
      flagsFailure = e;
    }
    try {
      unassigned = await api('/api/care-plans/without-care-team');
      unassigned.forEach(p => plans.set(p.patientId, p.id));
      unassignedFailure = null;
    } catch (e) {
      unassignedFailure = e;
    }
    await Promise.all([...new Set([...openFlags.values()].map(f => f.patientId)
      .concat((unassigned || []).map(p => p.patientId)))].map(id => nameOf(id, plans.get(id))));
    render();
  }

  function render() {
    const flags = [...openFlags.values()].sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
    fill(main, h('h1', {}, 'Coordination'),
      h('section', { 'aria-labelledby': 'all-flags-heading' },
        h('h2', { id: 'all-flags-heading' }, 'Open urgent flags'),
        flagsFailure ? h('p', { class: 'muted' }, 'Flags raised before this page opened could not be listed; new flags appear here live.') : null,
        flags.length ? h('ul', { class: 'cards', 'aria-label': 'Open urgent flags, newest first' }, flags.map(f => {
          const ack = h('button', { type: 'button', class: 'secondary', onclick: () => acknowledge(f, ack) }, 'Acknowledge');
          const planId = plans.get(f.patientId);
          return h('li', { class: 'card flagged', 'data-flag': f.id, 'data-testid': 'coordinator-flag' },
            h('h3', {}, planId ? patientLink(f.patientId, planId, names.get(f.patientId) || f.patientId) : (names.get(f.patientId) || f.patientId)),
            h('p', { class: 'flag' }, `${f.severity || ''} · ${flagKind(f.source)}`),
            h('p', {}, when(f.raisedAt)), ack);
        })) : h('p', {}, 'No open urgent flags.')),
      h('section', { 'aria-labelledby': 'unassigned-heading' },
        h('h2', { id: 'unassigned-heading' }, 'Patients without a care team'),
        unassignedFailure ? errorNote(unassignedFailure, 'The list') : null,
        unassigned && !unassigned.length ? h('p', {}, 'Every patient has a care team.') : null,
        unassigned && unassigned.length ? h('ul', { class: 'cards' }, unassigned.map(assignForm)) : null));
  }

  function assignForm(plan) {
    const name = names.get(plan.patientId) || plan.patientId;
    const t = `therapist-${plan.id}`;
    const p = `prescriber-${plan.id}`;
    const status = h('p', { role: 'status' });
    const therapist = h('input', { type: 'text', id: t, name: 'therapistId', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${t}-hint` });
    const prescriber = h('input', { type: 'text', id: p, name: 'prescriberId', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${t}-hint` });
    const form = h('form', { onsubmit: async event => {
      event.preventDefault();
      const body = {};
      if (therapist.value.trim()) body.therapistId = therapist.value.trim();
      if (prescriber.value.trim()) body.prescriberId = prescriber.value.trim();
      try {
        await api(`/api/care-plans/${plan.id}/care-team`, { method: 'PUT', body });
        status.textContent = 'Care team assigned.';
        unassigned = unassigned.filter(x => x.id !== plan.id);
        setTimeout(render, 1500);
      } catch (e) {
        const fields = e.problem && e.problem.errors ? ` ${e.problem.errors.map(x => `${x.field} ${x.message}`).join('; ')}` : '';
        status.textContent = `Not assigned: ${e.message}.${fields}`;
      }
    } },
    h('label', { for: t }, 'Therapist user id'), therapist,
    h('label', { for: p }, 'Prescriber user id'), prescriber,
    h('p', { id: `${t}-hint`, class: 'muted' }, 'Keycloak user ids; at least one.'),
    h('button', { type: 'submit' }, `Assign care team for ${name}`), status);
    return h('li', { class: 'card' }, h('h3', {}, patientLink(plan.patientId, plan.id, name)),
      h('p', { class: 'muted' }, `${plan.status.toLowerCase()} · ${plan.modality.toLowerCase()} care · since `, when(plan.createdAt)),
      form);
  }

  load();
  return {
    render,
    onEntry(entry) {
      if (entry.kind === 'URGENT_FLAG_RAISED') {
        const flag = flagFromEntry(entry);
        openFlags.set(flag.id, flag);
        nameOf(flag.patientId).then(render);
      } else if (entry.kind === 'CARE_TEAM_CHANGED') {
        load();
      }
    },
    leave() {},
  };
}

// ---- routing -----------------------------------------------------------------------------------

function route() {
  current.leave();
  const hash = location.hash || (me.isProvider ? '#/caseload' : '#/coordinator');
  const patient = hash.match(/^#\/patient\/([0-9a-fA-F-]{36})$/);
  if (patient) current = patientView(patient[1]);
  else if (hash === '#/coordinator' && me.isCoordinator) current = coordinatorView();
  else if (me.isProvider) current = caseloadView();
  else if (me.isCoordinator) current = coordinatorView();
  else {
    fill(main, h('h1', {}, 'Not for this account'),
      h('p', {}, 'The dashboard is for therapists, psychiatrists and care coordinators.'));
    current = { render() {}, onEntry() {}, leave() {} };
  }
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.getAttribute('href') === hash) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  current.render();
  main.focus();
}

async function start() {
  await signIn();
  me = user();
  document.getElementById('who').textContent = `Signed in as ${me.name}`;
  const logoutButton = document.getElementById('logout');
  logoutButton.hidden = false;
  logoutButton.addEventListener('click', () => {
    if (feed) feed.stop();
    if (chat) chat.close();
    logout();
  });
  document.getElementById('nav').hidden = false;
  document.getElementById('nav-caseload').hidden = !me.isProvider;
  document.getElementById('nav-coordinator').hidden = !me.isCoordinator;
  chat = new ChatSocket({
    onMessage: message => current.onMessage && current.onMessage(message),
    onState: () => {},
    onError: () => {},
  });
  if (me.isProvider || me.isCoordinator) feed = follow({ onEntry, onState: setLive });
  window.addEventListener('hashchange', route);
  // For the browser tests and for a support session: drop the live connections as a network failure would.
  window.careweaveDashboard = { dropConnections() { if (feed) feed.drop(); if (chat) chat.drop(); } };
  route();
}

start().catch(e => {
  fill(main, h('h1', {}, 'Sign-in failed'), h('p', { class: 'error' }, String(e.message || e)));
});
