import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';
import { accountWeb } from './account.web.tsx';
import { authWeb } from './auth.web.tsx';
import { organisationsWeb } from './organisations.web.tsx';

/** Every page of the accounts module, mounted under `/en` and `/zh`. */
export const accountsWeb = new Hono<AppEnv>();
accountsWeb.route('/', authWeb);
accountsWeb.route('/', accountWeb);
accountsWeb.route('/', organisationsWeb);
