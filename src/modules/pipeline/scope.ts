/**
 * Whose pipeline a view shows, and its filters: shared by the interests, agreements and projects
 * modules, which each answer for their own records. A leaf module (types only).
 */
export type PipelineScope =
  /** A member's organisation: records it is a party to. */
  | { kind: 'org'; orgId: string }
  /** A coordinator's region: records any of whose parties belongs to it (an admin may name any region). */
  | { kind: 'region'; regionCode: string };

export interface PipelineFilters {
  /** Only records whose other party is of this region. */
  counterpartRegion?: string | undefined;
  /** A listing category code (for projects, the project's category; for interests, the listing's). */
  category?: string | undefined;
  /** A GB/T 4754 division (C15) or section letter (C). */
  sector?: string | undefined;
  /** Projects only: one stage. */
  stage?: string | undefined;
  /** Projects only: with at least one milestone past due and not done. */
  overdue?: boolean | undefined;
}
