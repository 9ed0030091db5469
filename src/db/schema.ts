// Every module's tables, for drizzle-kit and the typed client. Modules import their own schema files directly.
export * from '../modules/regions/schema.ts';
export * from '../modules/accounts/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/jobs/schema.ts';
export * from '../modules/mail/schema.ts';
export * from '../modules/news/schema.ts';
export * from '../modules/taxonomy/schema.ts';
export * from '../modules/listings/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/files/schema.ts';
export * from '../modules/interests/schema.ts';
export * from '../modules/agreements/schema.ts';
export * from '../modules/projects/schema.ts';
export * from '../modules/programmes/schema.ts';
export * from '../modules/visits/schema.ts';
