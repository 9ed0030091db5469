/** Background work of the projects module. */
import type { Deps } from '../../web/env.ts';
import type { JobHandler } from '../jobs/jobs.service.ts';

export function projectsJobHandlers(_deps: Deps): Record<string, JobHandler> {
  return {};
}
