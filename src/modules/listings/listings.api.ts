import { newApi } from '../../web/api.ts';

/** `/api/v1/listings…`: browse, read, create, update, review, matches. */
export const listingsApi = newApi();
