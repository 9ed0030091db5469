import { z } from 'zod';
import type { JobHandler } from '../jobs/jobs.service.ts';
import * as repo from './news.repo.ts';
import { PUBLISH_JOB } from './news.service.ts';
import { auditArticle } from './write.ts';

const ON_TIME_MS = 5 * 60_000;

const PublishPayload = z.object({
  articleId: z.uuid(),
  scheduledAt: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
});

/**
 * `news.publish` publishes an article at its scheduled time, only if it is still scheduled for exactly that
 * time: a rescheduled, cancelled or already published article makes an old job do nothing.
 */
export function newsJobHandlers(): Record<string, JobHandler> {
  return {
    async [PUBLISH_JOB](payload, { db, log, now }) {
      const p = PublishPayload.parse(payload);
      await db.transaction(async (tx) => {
        const before = await repo.findArticle(tx, p.articleId, { lock: true });
        if (!before || before.status !== 'scheduled' || before.scheduledAt?.toISOString() !== p.scheduledAt) {
          log.info({ articleId: p.articleId }, 'scheduled publication no longer applies');
          return;
        }
        // On time (the runner polls every second or so) the article shows the time it was scheduled for;
        // after an outage, the time it really appeared.
        const late = now.getTime() - before.scheduledAt.getTime() > ON_TIME_MS;
        const article = await repo.updateArticle(tx, before.id, {
          status: 'published',
          publishedAt: before.publishedAt ?? (late ? now : before.scheduledAt),
          scheduledAt: null,
          updatedAt: now,
        });
        const actor = p.actorId
          ? { id: p.actorId, label: `${p.actorLabel} (scheduled)` }
          : { id: null, label: 'system (scheduled)' };
        await auditArticle(tx, { actor, action: 'article.published', article, before });
      });
    },
  };
}
