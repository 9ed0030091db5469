/**
 * What an agreed area's links point to, asked of the modules that own the targets (listings, agreements,
 * projects) through their read functions: each link's state for the status rule, and its title and
 * address when the viewer may see the target. Also resolves what a coordinator types into "link".
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { invalid } from '../../lib/errors.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { Viewer } from '../accounts/policy.ts';
import { agreementSummaries } from '../agreements/agreements.read.ts';
import { canViewAgreement } from '../agreements/policy.ts';
import { listingSummaries, visibleListingByRef } from '../listings/listings.service.ts';
import { canViewListing } from '../listings/policy.ts';
import { canViewProject } from '../projects/policy.ts';
import { programmeSummary, type ProgrammeSummary } from '../programmes/programmes.read.ts';
import { projectSummaries } from '../projects/projects.summaries.ts';
import { chinaDate } from '../matching/core/score.ts';
import { linkWeight, type LinkState, type LinkWeight } from './core/area-status.ts';
import { visitsErr, type LinkKind } from './messages.ts';
import type { LinkRow } from './visits.repo.ts';

type ReadDeps = Pick<Deps, 'db' | 'now'>;

export interface ResolvedLink {
  id: string;
  areaId: string;
  kind: LinkKind;
  targetId: string;
  /** The target's state (how far it is); null when the target is gone, which counts for nothing. */
  state: LinkState | null;
  weight: LinkWeight;
  /** Shown only when the viewer may see the target (agreements are the parties’ own). */
  title: string | null;
  language: 'zh' | 'en' | null;
  /** The target's page under the language prefix, when the viewer may see it. */
  path: string | null;
}

const isUuid = (s: string) => z.uuid().safeParse(s).success;

/** Programmes by id, with their status as of `asOf` (one read each: areas link few programmes). */
async function programmeSummaries(
  db: DbOrTx,
  ids: readonly string[],
  asOf: string,
): Promise<ProgrammeSummary[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => programmeSummary(db, id, asOf)));
  return found.filter((p) => p !== undefined);
}

/** Each link with its target's state and, if the viewer may see it, title and page. */
export async function resolveLinks(
  deps: ReadDeps,
  viewer: Viewer,
  links: readonly LinkRow[],
  lang: Lang,
): Promise<ResolvedLink[]> {
  const ids = (kind: LinkKind) => links.filter((l) => l.kind === kind).map((l) => l.targetId);
  const today = chinaDate(deps.now());
  const [listings, agreements, projects, programmes] = await Promise.all([
    listingSummaries(deps.db, ids('listing')),
    agreementSummaries(deps.db, ids('agreement')),
    projectSummaries(deps.db, ids('project')),
    programmeSummaries(deps.db, ids('programme'), today),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [ls, as, ps, gs] = [byId(listings), byId(agreements), byId(projects), byId(programmes)];
  return links.map((l) => {
    const base = { id: l.id, areaId: l.areaId, kind: l.kind, targetId: l.targetId };
    const none = { title: null, language: null, path: null };
    let state: LinkState | null = null;
    let shown: Pick<ResolvedLink, 'title' | 'language' | 'path'> = none;
    if (l.kind === 'listing') {
      const t = ls.get(l.targetId);
      if (t) {
        state = { kind: 'listing', status: t.status };
        if (canViewListing(viewer, t)) {
          shown = { title: t.title, language: t.language, path: `/listings/${encodeURIComponent(t.ref)}` };
        }
      }
    } else if (l.kind === 'agreement') {
      const t = as.get(l.targetId);
      if (t) {
        state = { kind: 'agreement', confirmed: t.confirmed };
        if (canViewAgreement(viewer, t)) {
          shown = { title: t.title, language: t.language, path: `/agreements/${t.id}` };
        }
      }
    } else if (l.kind === 'project') {
      const t = ps.get(l.targetId);
      if (t) {
        state = { kind: 'project', stage: t.stage };
        if (canViewProject(viewer, t)) {
          shown = { title: t.title, language: t.language, path: `/projects/${t.id}` };
        }
      }
    } else {
      // Programmes are public: anyone sees their titles and status.
      const t = gs.get(l.targetId);
      if (t) {
        state = { kind: 'programme', status: t.status };
        shown = { title: lang === 'zh' ? t.titleZh : t.titleEn, language: lang, path: `/programmes/${t.id}` };
      }
    }
    return { ...base, state, weight: state ? linkWeight(state) : 'none', ...shown };
  });
}

/** A listing's reference from what was typed: the reference itself, or the listing's address. */
function listingRefOf(target: string): string {
  const ref = target.replace(/^.*\/listings\//, '').replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}

/**
 * The id of the record a coordinator named for a link (an id, or a listing's reference), which must exist
 * and be visible to them; otherwise a 400 naming `target`.
 */
export async function resolveTarget(
  deps: ReadDeps,
  ctx: UseCaseContext,
  kind: LinkKind,
  target: string,
): Promise<string> {
  const t = visitsErr(ctx.lang);
  const viewer = ctx.viewer;
  if (kind === 'listing') {
    if (isUuid(target)) {
      const [l] = await listingSummaries(deps.db, [target]);
      if (l && canViewListing(viewer, l)) return l.id;
    }
    const byRef = await visibleListingByRef(deps, ctx, listingRefOf(target));
    if (byRef) return byRef.id;
    throw invalid('target', t('unknownListing'));
  }
  if (kind === 'agreement') {
    const [a] = isUuid(target) ? await agreementSummaries(deps.db, [target]) : [];
    if (a && canViewAgreement(viewer, a)) return a.id;
    throw invalid('target', t('unknownAgreement'));
  }
  if (kind === 'project') {
    const [p] = isUuid(target) ? await projectSummaries(deps.db, [target]) : [];
    if (p && canViewProject(viewer, p)) return p.id;
    throw invalid('target', t('unknownProject'));
  }
  const g = isUuid(target) ? await programmeSummary(deps.db, target) : undefined;
  if (g) return g.id;
  throw invalid('target', t('unknownProgramme'));
}
