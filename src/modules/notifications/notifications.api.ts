/** `/api/v1` routes for notifications. */
import { newApi } from '../../web/api.ts';

export const notificationsApi = newApi();
