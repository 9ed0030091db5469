/**
 * The demo's partner-assistance programme, told through the real use cases: Zhejiang's coordinator plans
 * the 2018–2020 programme for Yanbian and reports each quarter, Jilin's coordinator (Yanbian is a
 * prefecture of Jilin) confirms. Six quarters are confirmed and 2019 Q3 waits for confirmation.
 *
 * The figures are chosen so that on 2019-07-15 funds and training are on track, projects at risk, jobs
 * behind, and officials exchanged and consumption-assistance sales already achieved; read today, past the
 * 2020 deadline, the last two are achieved and the others behind, short of their targets.
 */
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { actingUser } from '../accounts/people.service.ts';
import type { IndicatorInput } from '../programmes/fields.ts';
import {
  addIndicator,
  confirmReport,
  createProgramme,
  programmeIdTitled,
  submitReport,
} from '../programmes/programmes.service.ts';
import { pairingsOf } from '../regions/regions.service.ts';

const GIVER = 'coordinator.zj@demo.counterpart.local';
const RECEIVER = 'coordinator.jl@demo.counterpart.local';
export const DEMO_PROGRAMME_TITLE = 'Zhejiang–Yanbian partner assistance 2018–2020';

const CONFIRMED = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2'];
const PENDING = '2019-Q3';

/** Each indicator with its per-quarter values: six confirmed quarters, then the one awaiting confirmation. */
const INDICATORS: { input: IndicatorInput; quarters: number[]; pending: number }[] = [
  {
    input: { kind: 'funds_allocated', unit: 'yuan', target: 300_000_000, periodKind: 'quarter' },
    quarters: [20e6, 22e6, 25e6, 26e6, 28e6, 29e6],
    pending: 30e6,
  },
  {
    input: { kind: 'projects', unit: 'count', target: 40, periodKind: 'quarter' },
    quarters: [2, 3, 3, 3, 3, 3],
    pending: 4,
  },
  {
    input: { kind: 'jobs', unit: 'count', target: 5000, periodKind: 'quarter' },
    quarters: [200, 250, 300, 330, 350, 370],
    pending: 400,
  },
  {
    input: { kind: 'people_trained', unit: 'persons', target: 3000, periodKind: 'quarter' },
    quarters: [200, 240, 250, 260, 270, 280],
    pending: 300,
  },
  {
    input: { kind: 'officials_exchanged', unit: 'persons', target: 120, periodKind: 'quarter' },
    quarters: [20, 20, 22, 20, 22, 20],
    pending: 10,
  },
  {
    input: { kind: 'consumption_sales', unit: 'yuan', target: 500_000_000, periodKind: 'quarter' },
    quarters: [60e6, 75e6, 90e6, 95e6, 100e6, 100e6],
    pending: 110e6,
  },
];

async function as(deps: Deps, email: string): Promise<UseCaseContext> {
  const viewer = await actingUser(deps.db, email);
  if (!viewer) throw new Error(`demo programmes: no account ${email}`);
  return { viewer, lang: viewer.preferredLang };
}

/**
 * Loads the Zhejiang → Yanbian programme once: nothing when the assistance pairing is gone or the
 * programme exists already. Returns how many programmes were loaded.
 */
export async function loadDemoProgrammes(deps: Deps): Promise<number> {
  const pairing = (await pairingsOf(deps.db, 'CN-ZJ')).find(
    (p) => p.kind === 'assistance' && p.aCode === 'CN-ZJ' && p.bCode === '222400',
  );
  if (!pairing || (await programmeIdTitled(deps.db, pairing.id, DEMO_PROGRAMME_TITLE))) return 0;
  const giver = await as(deps, GIVER);
  const receiver = await as(deps, RECEIVER);
  const programme = await createProgramme(deps, giver, {
    pairingId: pairing.id,
    titleEn: DEMO_PROGRAMME_TITLE,
    titleZh: '浙江省对口帮扶延边州（2018—2020年）',
    descriptionEn:
      'Zhejiang helps Yanbian win the fight against poverty as scheduled: assistance funds, industrial projects, jobs, training, exchanges of officials, and sales of Yanbian products in Zhejiang.',
    descriptionZh:
      '浙江省帮助延边州如期打赢脱贫攻坚战：拨付帮扶资金，实施产业项目，带动就业，开展培训和干部交流，在浙江销售延边产品。',
    startOn: '2018-01-01',
    deadline: '2020-12-31',
  });
  const ids: string[] = [];
  for (const i of INDICATORS) ids.push((await addIndicator(deps, giver, programme.id, i.input)).id);
  const valuesOf = (pick: (i: (typeof INDICATORS)[number]) => number) =>
    Object.fromEntries(INDICATORS.map((i, n) => [ids[n]!, pick(i)]));
  for (const [q, period] of CONFIRMED.entries()) {
    const report = await submitReport(deps, giver, programme.id, {
      period,
      values: valuesOf((i) => i.quarters[q]!),
    });
    await confirmReport(deps, receiver, programme.id, report.id);
  }
  await submitReport(deps, giver, programme.id, { period: PENDING, values: valuesOf((i) => i.pending) });
  return 1;
}
