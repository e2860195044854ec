/**
 * Which organizational-life screens are wired to an API that is served. A menu item, a tab or a
 * route is offered only when its page works (see ../../features.ts for the foundation's).
 */
export const lifeFeatures = {
  meetings: true,
  makeups: true,
  attachments: true,
  checkin: true,
  todos: true,
  myLife: true,
  reports: true,
  ledger: true,
  plans: true,
  appraisals: true,
  lifeMeetings: true,
  meetingImport: true,
  counts: true,
} as const;
