/*
 * The status of an agreed area, from what is linked to it and its due date, as of a day. Pure.
 *
 * The rule, in order (the first that applies decides; the page explains it in these words):
 *   1. delivered   — a linked project is in production, or a linked programme is achieved (has reached
 *                    its targets);
 *   2. overdue     — the due date has passed (it is before `asOf`) and the area is not delivered;
 *   3. in progress — something counts towards it: a published listing (expired or not), an agreement
 *                    (confirmed or not), a project at any stage but cancelled, or a programme;
 *   4. not started — nothing counts yet.
 * Links that do not count (a listing waiting for review, rejected or closed; a cancelled project) are
 * still shown on the page, with their state, but move nothing. Dates are China dates (YYYY-MM-DD), which
 * compare correctly as strings; on the due date itself an area is not yet overdue.
 */

export const AREA_STATUSES = ['not_started', 'in_progress', 'delivered', 'overdue'] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];

/** The state of one linked record, as far as the rule needs it. */
export type LinkState =
  | { kind: 'listing'; status: 'pending' | 'published' | 'rejected' | 'closed' }
  | { kind: 'agreement'; confirmed: boolean }
  | {
      kind: 'project';
      stage: 'signed' | 'landed' | 'started' | 'in_production' | 'stalled' | 'cancelled';
    }
  | { kind: 'programme'; status: 'not_started' | 'on_track' | 'at_risk' | 'behind' | 'achieved' };

/** How a link weighs: it delivers the area, counts towards it, or (for now) does nothing. */
export type LinkWeight = 'delivers' | 'counts' | 'none';

/** Which rule decided, so a page can say why. */
export const AREA_RULE = {
  delivered: 'delivered_by_link',
  overdue: 'due_passed',
  inProgress: 'counting_link',
  notStarted: 'nothing_counts',
} as const;
export type AreaRule = (typeof AREA_RULE)[keyof typeof AREA_RULE];

export interface AreaStatusResult {
  status: AreaStatus;
  rule: AreaRule;
  /** The weight of each link, in the order given. */
  weights: LinkWeight[];
}

/** Whether one linked record delivers the area, counts towards it, or does not (yet) count. */
export function linkWeight(link: LinkState): LinkWeight {
  switch (link.kind) {
    case 'project':
      if (link.stage === 'in_production') return 'delivers';
      return link.stage === 'cancelled' ? 'none' : 'counts';
    case 'programme':
      return link.status === 'achieved' ? 'delivers' : 'counts';
    case 'listing':
      return link.status === 'published' ? 'counts' : 'none';
    case 'agreement':
      return 'counts';
  }
}

/** The status of an area due on `dueOn` with these links, as of the China date `asOf`. */
export function areaStatus(
  area: { dueOn: string; links: readonly LinkState[] },
  asOf: string,
): AreaStatusResult {
  const weights = area.links.map(linkWeight);
  if (weights.includes('delivers')) return { status: 'delivered', rule: AREA_RULE.delivered, weights };
  if (area.dueOn < asOf) return { status: 'overdue', rule: AREA_RULE.overdue, weights };
  if (weights.includes('counts')) return { status: 'in_progress', rule: AREA_RULE.inProgress, weights };
  return { status: 'not_started', rule: AREA_RULE.notStarted, weights };
}

/** Counts of areas by status, every status present (zero when none). */
export function countByStatus(statuses: Iterable<AreaStatus>): Record<AreaStatus, number> {
  const out: Record<AreaStatus, number> = { not_started: 0, in_progress: 0, delivered: 0, overdue: 0 };
  for (const s of statuses) out[s]++;
  return out;
}
