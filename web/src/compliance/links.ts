/** Addresses of the compliance pages and of the records a finding points to. */

/** The dashboard at an org: its heat map, or its score card for a branch. */
export const dashboardLink = (orgId: string) => `/compliance?org=${orgId}`;

export const findingLink = (id: string) => `/compliance/findings/${id}`;

/** The page that shows a record of this kind, where there is one. */
export function evidenceHref(kind: string, id: string): string | null {
  switch (kind) {
    case 'meeting':
      return `/meetings/${id}`;
    case 'person':
      return `/members/${id}`;
    case 'org':
      return `/orgs/${id}`;
    case 'plan':
      return `/plans/${id}`;
    case 'appraisal':
      return `/appraisals/${id}`;
    default:
      return null;
  }
}
