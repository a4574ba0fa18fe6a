// What every view reads and none owns: who is signed in, the system shown, and the month chosen
// in the header. The router (app.js) writes it; views only read it.
const state = {
  user: null,
  system: null,
  // '' = the latest month held.
  period: globalThis.sessionStorage?.getItem('cs-period') ?? '',
};

export const user = () => state.user;
export const system = () => state.system;
export const chosenPeriod = () => state.period;
export const seesEnterprises = () => Boolean(state.user) && state.user.role !== 'viewer';

export function setUser(value) {
  state.user = value;
}
export function setSystem(value) {
  state.system = value;
}
// A month as YYYY-MM, or '' for the latest; kept for the browser tab's session.
export function setPeriod(value) {
  state.period = /^\d{4}-\d{2}$/.test(value) ? value : '';
  globalThis.sessionStorage?.setItem('cs-period', state.period);
}

// `path` asking for the chosen month.
export function withPeriod(path) {
  if (!state.period) return path;
  return `${path}${path.includes('?') ? '&' : '?'}period=${state.period}`;
}
