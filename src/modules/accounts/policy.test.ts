import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors.ts';
import {
  authorize,
  canActForOrganisation,
  canApproveOrganisation,
  canBrowseAudit,
  canViewOrganisation,
  type Viewer,
} from './policy.ts';
import type { SessionUser } from './sessions.ts';

const base: SessionUser = {
  id: 'u',
  email: 'u@test.example',
  name: 'U',
  role: 'member',
  regionCode: null,
  orgId: null,
  orgStatus: null,
  preferredLang: 'en',
};
const admin: Viewer = { ...base, role: 'admin' };
const coordJl: Viewer = { ...base, role: 'coordinator', regionCode: 'CN-JL' };
const coordZj: Viewer = { ...base, role: 'coordinator', regionCode: 'CN-ZJ' };
const memberOf = (orgId: string, orgStatus: SessionUser['orgStatus'] = 'approved'): Viewer => ({
  ...base,
  orgId,
  orgStatus,
});
const pendingJl = { id: 'o1', regionCode: 'CN-JL', status: 'pending' as const };

describe('canApproveOrganisation', () => {
  it('allows admins and the coordinator of the same region only', () => {
    expect(canApproveOrganisation(admin, pendingJl)).toBe(true);
    expect(canApproveOrganisation(coordJl, pendingJl)).toBe(true);
    expect(canApproveOrganisation(coordZj, pendingJl)).toBe(false);
    expect(canApproveOrganisation(memberOf('o1'), pendingJl)).toBe(false);
    expect(canApproveOrganisation(null, pendingJl)).toBe(false);
  });
});

describe('canViewOrganisation', () => {
  it('shows approved ones to all, others to members, their coordinator and admins', () => {
    expect(canViewOrganisation(null, { ...pendingJl, status: 'approved' })).toBe(true);
    expect(canViewOrganisation(null, pendingJl)).toBe(false);
    expect(canViewOrganisation(memberOf('o1', 'pending'), pendingJl)).toBe(true);
    expect(canViewOrganisation(memberOf('o2'), pendingJl)).toBe(false);
    expect(canViewOrganisation(coordJl, pendingJl)).toBe(true);
    expect(canViewOrganisation(coordZj, { ...pendingJl, status: 'suspended' })).toBe(false);
    expect(canViewOrganisation(admin, pendingJl)).toBe(true);
  });
});

describe('other rules', () => {
  it('lets members act only for an approved organisation', () => {
    expect(canActForOrganisation(memberOf('o1', 'approved'))).toBe(true);
    expect(canActForOrganisation(memberOf('o1', 'pending'))).toBe(false);
    expect(canActForOrganisation(memberOf('o1', 'suspended'))).toBe(false);
  });

  it('keeps the audit log for admins', () => {
    expect(canBrowseAudit(admin)).toBe(true);
    expect(canBrowseAudit(coordJl)).toBe(false);
  });

  it('authorize: unauthenticated for anonymous visitors, forbidden for others', () => {
    expect(() => authorize(null, false)).toThrow(
      expect.objectContaining({ code: 'unauthenticated' }) as AppError,
    );
    expect(() => authorize(coordJl, false)).toThrow(
      expect.objectContaining({ code: 'forbidden' }) as AppError,
    );
    expect(() => authorize(null, true)).not.toThrow();
  });
});
