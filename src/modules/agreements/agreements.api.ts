/** `/api/v1` routes for agreements. */
import { newApi } from '../../web/api.ts';

export const agreementsApi = newApi();
