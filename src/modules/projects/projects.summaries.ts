/**
 * What other modules may know of projects: by id (agreed areas of a visit link to the projects that deliver
 * them), and as facts for the dashboards.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { groupBy } from '../../lib/collections.ts';
import type { Party } from './policy.ts';
import { partiesOf } from './projects.repo.ts';
import { projectParties, projects } from './schema.ts';
import type { Stage } from './stages.ts';

export interface ProjectSummary {
  id: string;
  title: string;
  language: 'zh' | 'en';
  stage: Stage;
  published: boolean;
  regionCode: string;
  /** Needed to decide who may see an unpublished project (`canViewProject`). */
  parties: Party[];
}

/** Summaries of the projects with these ids (unknown ids are left out), without access checks. */
export async function projectSummaries(db: DbOrTx, ids: readonly string[]): Promise<ProjectSummary[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      id: projects.id,
      title: projects.title,
      language: projects.language,
      stage: projects.stage,
      published: projects.published,
      regionCode: projects.regionCode,
    })
    .from(projects)
    .where(inArray(projects.id, unique));
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, parties: parties.get(r.id) ?? [] }));
}

/** A project as the dashboards count it. */
export interface ProjectFact {
  id: string;
  title: string;
  language: 'zh' | 'en';
  stage: Stage;
  category: (typeof projects.$inferSelect)['category'];
  sector: string | null;
  regionCode: string;
  areaCode: string | null;
  signedOn: string;
  contractedInvestmentCny: number | null;
  actualInvestmentCny: number;
  jobsCreated: number;
  published: boolean;
  parties: Party[];
}

/**
 * Every project with a party in `regionCodes` (every project when null), for statistics; no access
 * check, so callers show only aggregates or what the viewer may see.
 */
export async function projectFacts(
  db: DbOrTx,
  regionCodes: readonly string[] | null,
): Promise<ProjectFact[]> {
  const ids =
    regionCodes === null
      ? undefined
      : db
          .select({ id: projectParties.projectId })
          .from(projectParties)
          .where(inArray(projectParties.regionCode, [...regionCodes]));
  const [rows, parties] = await Promise.all([
    db
      .select({
        id: projects.id,
        title: projects.title,
        language: projects.language,
        stage: projects.stage,
        category: projects.category,
        sector: projects.sector,
        regionCode: projects.regionCode,
        areaCode: projects.areaCode,
        signedOn: projects.signedOn,
        contractedInvestmentCny: projects.contractedInvestmentCny,
        actualInvestmentCny: projects.actualInvestmentCny,
        jobsCreated: projects.jobsCreated,
        published: projects.published,
      })
      .from(projects)
      .where(ids && inArray(projects.id, ids)),
    db
      .select()
      .from(projectParties)
      .where(ids && inArray(projectParties.projectId, ids)),
  ]);
  const partiesOf = groupBy(parties, (p) => p.projectId);
  return rows.map((r) => ({
    ...r,
    parties: (partiesOf.get(r.id) ?? []).map((p) => ({ orgId: p.orgId, regionCode: p.regionCode })),
  }));
}
