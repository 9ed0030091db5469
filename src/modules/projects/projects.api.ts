/** `/api/v1` routes for projects. */
import { newApi } from '../../web/api.ts';

export const projectsApi = newApi();
