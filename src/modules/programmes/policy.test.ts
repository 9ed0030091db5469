import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import {
  canConfirmReport,
  canPlanProgramme,
  canSeeReport,
  canSubmitReport,
  isProgrammeInsider,
} from './policy.ts';

const user = (role: SessionUser['role'], regionCode: string | null = null): SessionUser => ({
  id: `u-${role}-${regionCode ?? ''}`,
  email: 'x@example.com',
  name: 'X',
  role,
  regionCode,
  orgId: role === 'member' ? 'org' : null,
  orgStatus: role === 'member' ? 'approved' : null,
  preferredLang: 'en',
});

// Zhejiang gives, Yanbian (a prefecture of Jilin) receives.
const zjToYanbian = { givingProvince: 'CN-ZJ', receivingProvince: 'CN-JL' };
const zj = user('coordinator', 'CN-ZJ');
const jl = user('coordinator', 'CN-JL');
const gd = user('coordinator', 'CN-GD');
const admin = user('admin');
const member = user('member');

describe('programme policy', () => {
  it('lets the giving side plan and report, the receiving side confirm', () => {
    expect([zj, jl, gd, admin, member, null].map((v) => canPlanProgramme(v, zjToYanbian))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(canSubmitReport(jl, zjToYanbian)).toBe(false);
    expect([zj, jl, gd, admin, member, null].map((v) => canConfirmReport(v, zjToYanbian))).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('shows confirmed reports to all, submitted ones to both sides, drafts to the giving side', () => {
    expect(canSeeReport(null, zjToYanbian, 'confirmed')).toBe(true);
    expect(canSeeReport(member, zjToYanbian, 'submitted')).toBe(false);
    expect(canSeeReport(jl, zjToYanbian, 'submitted')).toBe(true);
    expect(canSeeReport(jl, zjToYanbian, 'draft')).toBe(false);
    expect(canSeeReport(zj, zjToYanbian, 'draft')).toBe(true);
    expect(isProgrammeInsider(gd, zjToYanbian)).toBe(false);
  });
});
