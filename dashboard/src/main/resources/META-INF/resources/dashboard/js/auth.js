// Sign-in with Keycloak in the browser: authorization code with PKCE (S256), tokens kept in memory only,
// renewed silently with the refresh token before they expire, and logout through Keycloak's end-session endpoint.
// A reload signs in again through Keycloak's own session (a redirect round trip, no password asked).

const PENDING = 'careweave.dashboard.login';
const RENEW_BEFORE_SECONDS = 30;

let settings;
let tokens;
let renewTimer;
const listeners = new Set();

function base64Url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(size = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(size)));
}

function endpoint(name) {
  return `${settings.authServerUrl}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}/dashboard/`;
}

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

async function login() {
  const verifier = randomString(48);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const query = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoint('auth')}?${query}`);
  return new Promise(() => {});
}

async function tokenRequest(form) {
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings.clientId, ...form }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}

function accept(body) {
  tokens = { access: body.access_token, refresh: body.refresh_token, id: body.id_token || (tokens && tokens.id) };
  clearTimeout(renewTimer);
  const seconds = Math.max(5, (body.expires_in || 60) - RENEW_BEFORE_SECONDS);
  renewTimer = setTimeout(() => renew().catch(() => login()), seconds * 1000);
  listeners.forEach(listener => listener(tokens.access));
}

async function completeLogin(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== params.get('state')) return login();
  const body = await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  history.replaceState(null, '', `/dashboard/${pending.hash || ''}`);
  accept(body);
}

/** Signs in (or finishes signing in) and resolves with the user's claims. */
export async function signIn() {
  settings = await (await fetch('/dashboard/config.json')).json();
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    await completeLogin(params);
  } else {
    await login();
  }
  return user();
}

/** Renews the access token now (also used after a 401). */
export async function renew() {
  if (!tokens || !tokens.refresh) return login();
  accept(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh }));
  return tokens.access;
}

export function accessToken() {
  return tokens && tokens.access;
}

export function onToken(listener) {
  listeners.add(listener);
}

export function user() {
  const claims = claimsOf(tokens.access);
  const roles = (claims.realm_access && claims.realm_access.roles) || [];
  return {
    id: claims.sub,
    name: claims.name || claims.preferred_username,
    username: claims.preferred_username,
    roles,
    isCoordinator: roles.includes('care-coordinator'),
    isProvider: roles.includes('therapist') || roles.includes('psychiatrist'),
    isTherapist: roles.includes('therapist'),
    isPrescriber: roles.includes('psychiatrist'),
  };
}

export function logout() {
  clearTimeout(renewTimer);
  const query = new URLSearchParams({ client_id: settings.clientId, post_logout_redirect_uri: redirectUri() });
  if (tokens && tokens.id) query.set('id_token_hint', tokens.id);
  tokens = null;
  location.assign(`${endpoint('logout')}?${query}`);
}
