import { join } from 'node:path';
import { z } from 'zod';
import { localizeIssue } from './lib/i18n.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.string().default('Counterpart <no-reply@counterpart.local>'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DEMO: z.enum(['0', '1']).default('1'),
  /** Set to 1 behind a reverse proxy so the client address comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** How often each instance polls the jobs table. */
  JOB_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** Where uploaded documents and attachments are kept (by content hash); default DATA_DIR/files. */
  FILES_DIR: z.string().min(1).optional(),
  /** Days an expression of interest waits for an answer before it expires. */
  INTEREST_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  smtpFrom: string;
  logLevel: (typeof LOG_LEVELS)[number];
  demo: boolean;
  trustProxy: boolean;
  jobPollMs: number;
  filesDir: string;
  interestExpiryDays: number;
};

/** Parses the environment once; throws an Error naming every bad variable. The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const { field, message } = localizeIssue(i, 'en');
      return `  ${field}: ${message}`;
    });
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO === '1',
    trustProxy: e.TRUST_PROXY === '1',
    jobPollMs: e.JOB_POLL_MS,
    filesDir: e.FILES_DIR ?? join(e.DATA_DIR, 'files'),
    interestExpiryDays: e.INTEREST_EXPIRY_DAYS,
  };
}
