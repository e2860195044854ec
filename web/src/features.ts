/**
 * Which screens are wired to an API that exists. A menu item (and its route) is offered only when
 * its page works, so a screen whose API is not served yet is left out rather than shown empty.
 */
export const features = {
  /** GET /orgs/tree and the org pages; without them no org can be picked or shown. */
  orgs: true,
  members: true,
  rosterImport: true,
  audit: true,
  accounts: true,
  account: true,
} as const;
