/** What other modules may know of projects by id (agreed areas of a visit link to the projects that deliver them). */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Party } from './policy.ts';
import { partiesOf } from './projects.repo.ts';
import { projects } from './schema.ts';
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
