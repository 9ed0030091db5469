/**
 * `listings.reanalyze`: after a glossary change, re-analyses every listing whose features were computed
 * with another glossary version, through `storeListings`, so features, match keys and `match_stats` stay in
 * step. Queued by each glossary write (taxonomy/glossary.service.ts) in the write's own transaction.
 */
import { and, asc, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Logger } from '../../lib/log.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.service.ts';
import { currentGlossary, REANALYZE_JOB } from '../taxonomy/glossary.service.ts';
import { LISTING } from './listings.repo.ts';
import { listings } from './schema.ts';
import { storeListings, writeOfRow } from './store.ts';

export const REANALYZE_BATCH = 500;
/** One run stops after this long and queues its continuation, well inside the job runner's lease. */
const RUN_BUDGET_MS = 60_000;

export interface ReanalyzeOptions {
  batchSize?: number;
  /** Start after this ref (a continuation); the pass then wraps round to the start. */
  after?: string | undefined;
  /** Stop after this long and return where to continue; default: no limit. */
  budgetMs?: number;
  log?: Logger;
}

export interface ReanalyzeResult {
  /** Listings re-analysed. */
  count: number;
  /** Set when the budget ran out first: the ref to continue after. */
  continueAfter?: string;
}

/**
 * Re-analyses, batch by batch (one transaction each, rows locked), the listings analysed with another
 * glossary version than the current one, until none is left or the budget is spent.
 */
export async function reanalyzeListings(db: Db, opts: ReanalyzeOptions = {}): Promise<ReanalyzeResult> {
  const size = opts.batchSize ?? REANALYZE_BATCH;
  const started = Date.now();
  let after = opts.after;
  let count = 0;
  for (;;) {
    // Keyset over the unique ref index: each pass reads the table once however many batches it takes.
    const batch = await db.transaction(async (tx) => {
      const glossary = await currentGlossary(tx);
      const rows = await tx
        .select(LISTING)
        .from(listings)
        .where(
          and(
            ne(listings.analyzedWith, glossary.version),
            after === undefined ? undefined : gt(listings.ref, after),
          ),
        )
        .orderBy(asc(listings.ref))
        .limit(size)
        .for('update');
      await storeListings(tx, rows.map(writeOfRow), glossary);
      return { refs: rows.map((r) => r.ref), version: glossary.version };
    });
    count += batch.refs.length;
    if (batch.refs.length > 0) {
      after = batch.refs.at(-1);
      opts.log?.debug({ reanalysed: count, version: batch.version }, 'listings re-analysed so far');
    } else if (after !== undefined) {
      // End of a pass: rows before its start, or stored meanwhile with an older glossary, come next.
      after = undefined;
    } else {
      return { count };
    }
    if (opts.budgetMs !== undefined && Date.now() - started > opts.budgetMs && after !== undefined) {
      return { count, continueAfter: after };
    }
  }
}

const Payload = z.object({ after: z.string().optional() }).loose();

/** Queues a re-analysis when any listing exists (after seed glossary entries were added at start). */
export async function queueReanalysis(db: DbOrTx): Promise<void> {
  const [any] = await db.select({ id: listings.id }).from(listings).limit(1);
  if (any) await enqueueJob(db, { name: REANALYZE_JOB, payload: {}, key: `${REANALYZE_JOB}:seeded` });
}

/** The handler of `listings.reanalyze`; a run that hits its budget queues its own continuation. */
export function reanalyzeJobHandlers(): Record<string, JobHandler> {
  return {
    async [REANALYZE_JOB](payload, { db, log, jobId }) {
      const p = Payload.parse(payload ?? {});
      const result = await reanalyzeListings(db, { after: p.after, budgetMs: RUN_BUDGET_MS, log });
      log.info({ reanalysed: result.count, continueAfter: result.continueAfter }, 'listings re-analysed');
      if (result.continueAfter !== undefined) {
        await enqueueJob(db, {
          name: REANALYZE_JOB,
          payload: { after: result.continueAfter },
          key: `${REANALYZE_JOB}:job-${jobId}:after`,
        });
      }
    },
  };
}
