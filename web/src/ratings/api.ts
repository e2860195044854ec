/** Types of the ratings (分类定级) and secretaries' reviews (述职评议考核) APIs. */

export type Grade = 'advanced' | 'good' | 'fair' | 'lagging';
export const grades: Grade[] = ['advanced', 'good', 'fair', 'lagging'];
export type Movement = 'promoted' | 'demoted' | 'same' | 'new';

export type RatingItem = {
  key: string;
  max: number;
  score: number | null;
  source: 'computed' | 'manual' | 'review';
  applicable: boolean;
  detail: string | null;
};

export type Rating = {
  id: string;
  orgId: string;
  year: number;
  items: RatingItem[];
  computedScore: number | null;
  adjustment: number;
  adjustmentReason: string | null;
  adjustedByName: string | null;
  adjustedAt: string | null;
  finalScore: number | null;
  grade: Grade | null;
  status: 'draft' | 'final';
  ratedOn: string | null;
  ratedByName: string | null;
  version: number;
};

export type RatingRow = {
  org: { id: string; code: string; name: string; kind: string; parentName: string };
  rating: Rating | null;
  previousGrade: Grade | null;
  movement: Movement | null;
  canRate: boolean;
};

export type RatingList = {
  year: number;
  root: { id: string; name: string };
  items: RatingRow[];
  counts: Record<Grade | 'unrated', number>;
};

export type Evaluation = {
  org: { id: string; code: string; name: string; kind: string };
  years: {
    year: number;
    rating: Rating | null;
    movement: Movement | null;
    reviews: { id: string; roundTitle: string; personName: string; finalScore: number | null; grade: string | null }[];
    acceptance: { campaign: string; status: string }[];
    rectifications: { id: string; source: string; problem: string; deadline: string; status: string }[];
  }[];
};

export type Round = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  level: 'college' | 'branch';
  title: string;
  status: 'open' | 'published';
  publishedOn: string | null;
  version: number;
  reviews: number;
  reported: number;
  scored: number;
  canManage: boolean;
};

export type Score = {
  id: string;
  reviewerAccount: string;
  reviewerName: string;
  score: number;
  comment: string | null;
  version: number;
};

export type Review = {
  id: string;
  roundId: string;
  personId: string;
  personName: string;
  orgId: string;
  orgName: string;
  report: string | null;
  reportedOn: string | null;
  finalScore: number | null;
  grade: 'excellent' | 'good' | 'fair' | 'poor' | null;
  version: number;
  scores: Score[] | null;
  myScore: Score | null;
  isMine: boolean;
  /** The caller writes the secretary's org, so may put the review on the rectification list. */
  canRectify: boolean;
  /** The latest rectification item opened from this review. */
  rectification: { id: string; status: 'open' | 'done' | 'verified' } | null;
};

export const gradeColor: Record<Grade, string> = { advanced: 'green', good: 'blue', fair: 'orange', lagging: 'red' };
export const movementColor: Record<Movement, string> = {
  promoted: 'green',
  demoted: 'red',
  same: 'default',
  new: 'default',
};
