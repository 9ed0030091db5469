/** `/api/v1` routes for interests. */
import { newApi } from '../../web/api.ts';

export const interestsApi = newApi();
