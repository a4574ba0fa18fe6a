// The JSON API under /api/v1/ (docs/http_api.md). The session is an HttpOnly cookie; changes
// carry the CSRF token the server gave at sign-in (also returned by /me after a reload).
import { lang } from './i18n.js';

let csrf = '';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body, isForm) {
  const headers = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api/v1/${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    throw new ApiError(res.status, data?.code ?? 'Error', data?.message ?? `${res.status}`);
  }
  return data;
}

// Every request asks for the reader's language: notes, alerts and messages come in it.
const inLanguage = (path) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang()}`;

export const get = (path) => call('GET', inLanguage(path));
export const post = (path, body) => call('POST', inLanguage(path), body);
export const upload = (path, form) => call('POST', inLanguage(path), form, true);

export async function me() {
  const who = await get('me');
  csrf = who.csrf_token;
  return who;
}
export async function signIn(name, password) {
  const who = await post('login', { name, password });
  csrf = who.csrf_token;
  return who;
}
export const signOut = () => post('logout', {});
