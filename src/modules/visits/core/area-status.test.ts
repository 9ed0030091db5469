import { describe, expect, it } from 'vitest';
import { areaStatus, countByStatus, linkWeight, type LinkState } from './area-status.ts';

const DUE = '2018-12-31';
const status = (links: LinkState[], asOf = '2018-06-30') => areaStatus({ dueOn: DUE, links }, asOf).status;

describe('areaStatus', () => {
  it('is not started with nothing linked before the due date, and on the due date itself', () => {
    expect(status([])).toBe('not_started');
    expect(status([], DUE)).toBe('not_started');
    expect(areaStatus({ dueOn: DUE, links: [] }, DUE).rule).toBe('nothing_counts');
  });

  it('is overdue the day after the due date when not delivered, whatever else is linked', () => {
    expect(status([], '2019-01-01')).toBe('overdue');
    expect(status([{ kind: 'project', stage: 'started' }], '2019-01-01')).toBe('overdue');
    expect(status([{ kind: 'listing', status: 'published' }], '2019-01-01')).toBe('overdue');
    expect(areaStatus({ dueOn: DUE, links: [] }, '2019-01-01').rule).toBe('due_passed');
  });

  it('is in progress with a published listing, any agreement, a live project or a programme', () => {
    expect(status([{ kind: 'listing', status: 'published' }])).toBe('in_progress');
    expect(status([{ kind: 'agreement', confirmed: false }])).toBe('in_progress');
    expect(status([{ kind: 'agreement', confirmed: true }])).toBe('in_progress');
    for (const stage of ['signed', 'landed', 'started', 'stalled'] as const) {
      expect(status([{ kind: 'project', stage }])).toBe('in_progress');
    }
    expect(status([{ kind: 'programme', status: 'behind' }])).toBe('in_progress');
  });

  it('does not count a listing that is not published, or a cancelled project', () => {
    for (const s of ['pending', 'rejected', 'closed'] as const) {
      expect(status([{ kind: 'listing', status: s }])).toBe('not_started');
    }
    expect(status([{ kind: 'project', stage: 'cancelled' }])).toBe('not_started');
  });

  it('is delivered by a project in production or an achieved programme, even after the due date', () => {
    const inProduction: LinkState = { kind: 'project', stage: 'in_production' };
    expect(status([inProduction])).toBe('delivered');
    expect(status([{ kind: 'project', stage: 'cancelled' }, inProduction], '2025-01-01')).toBe('delivered');
    expect(status([{ kind: 'programme', status: 'achieved' }], '2025-01-01')).toBe('delivered');
    const r = areaStatus(
      { dueOn: DUE, links: [{ kind: 'listing', status: 'published' }, inProduction] },
      DUE,
    );
    expect(r).toEqual({ status: 'delivered', rule: 'delivered_by_link', weights: ['counts', 'delivers'] });
  });
});

describe('linkWeight', () => {
  it('weighs each kind of link', () => {
    expect(linkWeight({ kind: 'project', stage: 'in_production' })).toBe('delivers');
    expect(linkWeight({ kind: 'project', stage: 'landed' })).toBe('counts');
    expect(linkWeight({ kind: 'project', stage: 'cancelled' })).toBe('none');
    expect(linkWeight({ kind: 'listing', status: 'closed' })).toBe('none');
    expect(linkWeight({ kind: 'programme', status: 'achieved' })).toBe('delivers');
  });
});

describe('countByStatus', () => {
  it('counts every status, zero when absent', () => {
    expect(countByStatus(['overdue', 'delivered', 'overdue'])).toEqual({
      not_started: 0,
      in_progress: 0,
      delivered: 1,
      overdue: 2,
    });
  });
});
