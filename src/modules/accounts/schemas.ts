import { z } from '@hono/zod-openapi';
import { LANGS } from '../../lib/i18n.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { ORG_STATUSES, ORG_TYPES, ROLES } from './schema.ts';

// Inputs: shared by the JSON API and the HTML forms, so both accept and refuse exactly the same things.
// No hand-written messages: zod's generated ones are re-worded into the caller's language.

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .check(z.email())
  .openapi({ example: 'member@example.cn' });
export const NewPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const PersonName = z.string().trim().min(1).max(100);
const Website = z
  .string()
  .trim()
  .max(300)
  .check(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))
  .openapi({ example: 'https://www.example.cn' });

export const SignInSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1).max(254),
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .openapi('SignIn');
export type SignInInput = z.infer<typeof SignInSchema>;

export const RegistrationSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(200).openapi({ example: '长春示例汽车零部件有限公司' }),
    nameEn: z.string().trim().min(1).max(200).openapi({ example: 'Changchun Example Auto Parts Co., Ltd.' }),
    type: z.enum(ORG_TYPES),
    regionCode: z.string().trim().min(1).max(16).openapi({ example: 'CN-JL', description: 'Province code' }),
    areaCode: z
      .string()
      .trim()
      .max(16)
      .optional()
      .openapi({ example: '220100', description: 'Prefecture code' }),
    website: Website.optional(),
    description: z.string().trim().max(4000).optional(),
    memberName: PersonName,
    email: EmailSchema,
    password: NewPasswordSchema,
    preferredLang: z.enum(LANGS).default('en'),
  })
  .openapi('OrganisationRegistration');
export type RegistrationInput = z.infer<typeof RegistrationSchema>;

export const ProfileSchema = z.object({ name: PersonName, preferredLang: z.enum(LANGS) });
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: NewPasswordSchema,
});
export const ForgotSchema = z.object({ email: EmailSchema });
export const ResetSchema = z.object({ password: NewPasswordSchema });

export const OrganisationListQuery = z.object({
  status: z.enum(ORG_STATUSES).optional(),
  region: z.string().trim().max(16).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Outputs: allow-lists of fields, never a raw row.

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string().nullable(),
    orgId: z.string().nullable(),
    orgStatus: z.enum(ORG_STATUSES).nullable(),
    preferredLang: z.enum(LANGS),
  })
  .openapi('User');

export const OrganisationSchema = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    type: z.enum(ORG_TYPES),
    regionCode: z.string(),
    areaCode: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string(),
    status: z.enum(ORG_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

export const OrganisationPageSchema = z
  .object({
    items: z.array(OrganisationSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('OrganisationPage');

export const RegistrationResultSchema = z
  .object({ organisation: OrganisationSchema, user: UserSchema })
  .openapi('RegistrationResult');

export const CsrfSchema = z.object({ token: z.string() }).openapi('CsrfToken');
