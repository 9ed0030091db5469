/** `/{lang}/pipeline`: a member's organisation's or a coordinator's region's cooperation, with filters. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { organisationsByIds } from '../accounts/organisations.service.ts';
import { placesIn } from '../listings/listing.render.tsx';
import { PROJECT_STAGES } from '../projects/schema.ts';
import { regionTree } from '../regions/regions.service.ts';
import { LISTING_CATEGORY_CODES } from '../taxonomy/categories.data.ts';
import { isDivisionCode } from '../taxonomy/industries.data.ts';
import { pipelineUi } from './messages.ts';
import { pipelineOf } from './pipeline.service.ts';
import { PipelinePage } from './views/pipeline-page.tsx';

export const pipelineWeb = new Hono<AppEnv>();

const Region = z
  .string()
  .regex(/^CN-[A-Z]{2}$/)
  .optional()
  .catch(undefined);

/** Filters come from links people edit: unknown values are dropped rather than refused. */
const PipelineQuery = z.object({
  region: Region,
  counterpartRegion: Region,
  category: z.enum(LISTING_CATEGORY_CODES).optional().catch(undefined),
  sector: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => /^[A-T]$/.test(s) || isDivisionCode(s))
    .optional()
    .catch(undefined),
  stage: z.enum(PROJECT_STAGES).optional().catch(undefined),
  overdue: z
    .literal('1')
    .optional()
    .catch(undefined)
    .transform((v) => (v ? true : undefined)),
});

pipelineWeb.get('/pipeline', async (c) => {
  const ctx = contextOf(c);
  const query = PipelineQuery.parse(c.req.query());
  const data = await pipelineOf(c.var.deps, ctx, query);
  const tree = await regionTree(c.var.deps.db);
  const lang = c.var.lang;
  const orgId = data.scope?.kind === 'org' ? data.scope.orgId : null;
  const [org] = orgId ? await organisationsByIds(c.var.deps.db, [orgId]) : [];
  return renderPage(c, {
    title: pipelineUi(lang)('title'),
    head: <meta name="robots" content="noindex" />,
    children: (
      <PipelinePage
        lang={lang}
        data={data}
        query={query}
        regions={tree.map((n) => n.province)}
        places={placesIn(tree)}
        orgName={org ? (lang === 'zh' ? org.nameZh : org.nameEn) : null}
        isAdmin={ctx.viewer?.role === 'admin'}
      />
    ),
  });
});
