/** Background work of the interests module. */
import type { Deps } from '../../web/env.ts';
import type { JobHandler } from '../jobs/jobs.service.ts';

export function interestsJobHandlers(_deps: Deps): Record<string, JobHandler> {
  return {};
}
