import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../accounts/sessions.ts';
import type { Scope } from './core/figures.ts';
import { detailRegion } from './policy.ts';

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
const zjToYanbian: Scope = [
  { region: 'CN-ZJ', area: null },
  { region: 'CN-JL', area: '222400' },
];

describe('detailRegion', () => {
  it('shows no details to visitors and members', () => {
    expect(detailRegion(null, zjToYanbian)).toBeNull();
    expect(detailRegion(null, null)).toBeNull();
    expect(detailRegion(user('member'), zjToYanbian)).toBeNull();
    // A member's account may carry a region; it still gives no details.
    expect(detailRegion(user('member', 'CN-ZJ'), zjToYanbian)).toBeNull();
  });

  it("shows a coordinator their own region's records when it is a side", () => {
    expect(detailRegion(user('coordinator', 'CN-ZJ'), zjToYanbian)).toBe('CN-ZJ');
    expect(detailRegion(user('coordinator', 'CN-JL'), zjToYanbian)).toBe('CN-JL');
  });

  it('shows a coordinator of another region nothing', () => {
    expect(detailRegion(user('coordinator', 'CN-GD'), zjToYanbian)).toBeNull();
    expect(detailRegion(user('coordinator', null), zjToYanbian)).toBeNull();
  });

  it("shows a coordinator their region's records on the overall dashboard", () => {
    expect(detailRegion(user('coordinator', 'CN-GD'), null)).toBe('CN-GD');
    expect(detailRegion(user('coordinator', null), null)).toBeNull();
  });

  it('shows an admin everyone', () => {
    expect(detailRegion(user('admin'), zjToYanbian)).toBe('all');
    expect(detailRegion(user('admin'), null)).toBe('all');
  });
});
