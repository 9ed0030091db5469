/**
 * What other modules may know of projects: by id (agreed areas of a visit link to the projects that deliver
 * them), and as facts for the dashboards.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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
 * Every project with a party in each region of `between` (every project when null), for statistics; no
 * access check, so callers show only aggregates or what the viewer may see. One row per project, its
 * parties folded in by the database (thousands of rows cost more to carry than to count).
 */
export async function projectFacts(
  db: DbOrTx,
  between: readonly [string, string] | null,
): Promise<ProjectFact[]> {
  const withParty = (region: string) =>
    db
      .select({ id: projectParties.projectId })
      .from(projectParties)
      .where(eq(projectParties.regionCode, region));
  return db
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
      parties: sql<Party[]>`coalesce((
        select json_agg(json_build_object('orgId', p.org_id, 'regionCode', p.region_code)
                        order by p.region_code, p.org_id)
        from ${projectParties} p where p.project_id = ${projects.id}), '[]'::json)`,
    })
    .from(projects)
    .where(
      between === null
        ? undefined
        : and(inArray(projects.id, withParty(between[0])), inArray(projects.id, withParty(between[1]))),
    );
}
