/**
 * The reference visit (Jilin's delegation in Zhejiang, 6–7 September 2017, Hangzhou), recorded through
 * the visit use cases as Zhejiang's coordinator would: the participants as the reference article names
 * them, the areas the talks agreed, each with an owner office and a due date, linked to the demo listings,
 * agreements, projects (and Zhejiang's programme for Yanbian, when loaded) that deliver them, and to both
 * language versions of the reference article. Loaded once.
 */
import { basename } from 'node:path';
import type { Deps } from '../../web/env.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import { actingUser } from '../accounts/people.service.ts';
import type { ImportedNews } from '../news/news.import.ts';
import { listProgrammes } from '../programmes/programmes.read.ts';
import { getProject, listProjects } from '../projects/projects.service.ts';
import { pairingsOf } from '../regions/regions.service.ts';
import type { AreaInput, ParticipantInput, VisitInput } from '../visits/fields.ts';
import {
  addAgreedArea,
  createVisit,
  linkAgreedArea,
  linkArticle,
  visitIdTitled,
} from '../visits/visits.service.ts';

const ZJ = 'coordinator.zj@demo.counterpart.local';
const REFERENCE = '2017-09-11-jilin-delegation-in-zhejiang';

const VISIT: VisitInput = {
  kind: 'visit',
  titleZh: '吉林省代表团来浙江考察',
  titleEn: 'Jilin Delegation Made an Investigation Trip in Zhejiang',
  startsOn: '2017-09-06',
  endsOn: '2017-09-07',
  hostRegionCode: 'CN-ZJ',
  hostAreaCode: '330100',
  visitingRegionCode: 'CN-JL',
  places: '杭州 Hangzhou',
  summaryZh:
    '9月6日下午，浙江省委书记、省人大常委会主任车俊，省委副书记、省长袁家军与吉林省委副书记、省长刘国中一行座谈，商定两省拓展产业合作的重点领域。',
  summaryEn:
    'On the afternoon of 6 September the leaders of Zhejiang held talks with Governor Liu Guozhong of Jilin and his delegation, and agreed the areas in which the two provinces would expand their cooperation.',
  meetings: [
    { title: '浙吉两省座谈会', on: '2017-09-06', place: '杭州' },
    { title: '代表团在杭州考察', on: '2017-09-07', place: '杭州' },
  ],
};

const host = (p: Omit<ParticipantInput, 'side'>): ParticipantInput => ({ ...p, side: 'host' });
const visiting = (p: Omit<ParticipantInput, 'side'>): ParticipantInput => ({ ...p, side: 'visiting' });

/** As the article names them: titles where it gives them, and the Jilin provincial leaders as such. */
const PARTICIPANTS: ParticipantInput[] = [
  host({
    name: '车俊',
    nameEn: 'Che Jun',
    title: '浙江省委书记、省人大常委会主任',
    titleEn:
      'Secretary of CPC Zhejiang Committee and Chairman of the Standing Committee of the Zhejiang People’s Congress',
  }),
  host({
    name: '袁家军',
    nameEn: 'Yuan Jiajun',
    title: '浙江省委副书记、省长',
    titleEn: 'Deputy Secretary of CPC Zhejiang Committee and Governor of Zhejiang Province',
  }),
  host({ name: '任振鹤', nameEn: 'Ren Zhenhe' }),
  host({ name: '陈金彪', nameEn: 'Chen Jinbiao' }),
  host({ name: '冯飞', nameEn: 'Feng Fei' }),
  visiting({
    name: '刘国中',
    nameEn: 'Liu Guozhong',
    title: '吉林省委副书记、省长',
    titleEn: 'Deputy Secretary of CPC Jilin Committee and Governor of Jilin Province',
  }),
  ...[
    ['林武', 'Lin Wu'],
    ['姜治莹', 'Jiang Zhiying'],
    ['王凯', 'Wang Kai'],
    ['刘长龙', 'Liu Changlong'],
  ].map(([name, nameEn]) =>
    visiting({ name: name!, nameEn, title: '吉林省领导', titleEn: 'Jilin Provincial leader' }),
  ),
];

type Link = { listing: string } | { project: string } | { agreementOf: string } | { programme: true };

interface DemoArea extends AreaInput {
  links: Link[];
}

const office = (regionCode: string, zh: string, en: string) => ({ regionCode, office: zh, officeEn: en });
const ZJ_COMMERCE = office('CN-ZJ', '浙江省商务厅', 'Zhejiang Department of Commerce');

const WATER_CENTRE = '长白山矿泉水杭州分拨中心';
const RND_PLATFORM = '吉浙高校院所企业联合研发平台';
const PARTS_WAREHOUSE = 'Huaxin parts warehouse at Qianwan, Ningbo';
const BOTTLING = '长白山泉高速灌装线扩建';

/** The areas the talks agreed, in the article's order. */
const AREAS: DemoArea[] = [
  {
    titleZh: '推动吉林产品与浙江市场多层次对接',
    titleEn: 'Connect Jilin products with the Zhejiang market',
    owner: ZJ_COMMERCE,
    dueOn: '2018-12-31',
    links: [{ project: WATER_CENTRE }, { agreementOf: WATER_CENTRE }, { listing: 'demo-zj-07' }],
  },
  {
    titleZh: '推动吉林资源与浙江资本对接',
    titleEn: 'Connect Jilin resources with Zhejiang capital',
    owner: office('CN-JL', '吉林省发展和改革委员会', 'Jilin Development and Reform Commission'),
    dueOn: '2019-12-31',
    links: [{ project: BOTTLING }, { listing: 'demo-zj-10' }, { listing: 'demo-jl-03' }],
  },
  {
    titleZh: '推动吉林装备拓展浙江市场',
    titleEn: 'Help Jilin equipment into the Zhejiang market',
    owner: office('CN-JL', '吉林省工业和信息化厅', 'Jilin Department of Industry and Information Technology'),
    dueOn: '2019-06-30',
    links: [{ project: PARTS_WAREHOUSE }, { agreementOf: PARTS_WAREHOUSE }, { listing: 'demo-jl-13' }],
  },
  {
    titleZh: '加强吉林特色农产品产销合作',
    titleEn: 'Production and marketing of Jilin’s specialty farm products',
    owner: office('CN-JL', '吉林省农业委员会', 'Jilin Agriculture Commission'),
    dueOn: '2018-12-31',
    links: [{ listing: 'demo-jl-06' }, { listing: 'demo-zj-05' }, { listing: 'demo-jl-04' }],
  },
  {
    titleZh: '加强旅游合作',
    titleEn: 'Tourism cooperation',
    owner: office('CN-JL', '吉林省旅游发展委员会', 'Jilin Tourism Development Commission'),
    dueOn: '2018-12-31',
    links: [{ listing: 'demo-jl-17' }, { listing: 'demo-zj-18' }, { listing: 'demo-zj-20' }],
  },
  {
    titleZh: '加强影视合作',
    titleEn: 'Film and television cooperation',
    owner: office(
      'CN-ZJ',
      '浙江省新闻出版广电局',
      'Zhejiang Press, Publication, Radio, Film and Television Bureau',
    ),
    dueOn: '2019-12-31',
    links: [{ listing: 'demo-zj-22' }, { listing: 'demo-jl-23' }],
  },
  {
    titleZh: '加强港口、班列和航线对接合作，支持浙江外贸企业开拓东北亚市场',
    titleEn: 'Link ports, freight trains and airlines; help Zhejiang exporters into Northeast Asia',
    owner: ZJ_COMMERCE,
    dueOn: '2019-12-31',
    links: [{ listing: 'demo-zj-23' }, { listing: 'demo-jl-24' }, { listing: 'demo-jl-26' }],
  },
  {
    titleZh: '搭建平台，推动高校、科研院所和企业开展研发合作',
    titleEn: 'A platform for R&D by universities, institutes and enterprises',
    owner: office('CN-JL', '吉林省科学技术厅', 'Jilin Department of Science and Technology'),
    dueOn: '2019-12-31',
    links: [{ project: RND_PLATFORM }, { agreementOf: RND_PLATFORM }, { listing: 'demo-jl-14' }],
  },
  {
    titleZh: '对口帮扶延边州如期打赢脱贫攻坚战',
    titleEn: 'Help Yanbian win the fight against poverty as scheduled',
    owner: office('CN-ZJ', '浙江省对口支援和东西部扶贫协作办公室', 'Zhejiang Office for Partner Assistance'),
    dueOn: '2020-12-31',
    description:
      '对口帮扶吉林省延边朝鲜族自治州是党中央交给浙江的重大政治任务。Partner assistance to Yanbian is a major task entrusted to Zhejiang.',
    links: [{ programme: true }, { listing: 'demo-zj-26' }, { listing: 'demo-zj-27' }],
  },
];

async function as(deps: Deps, email: string): Promise<UseCaseContext> {
  const viewer = await actingUser(deps.db, email);
  if (!viewer) throw new Error(`demo visit: no account ${email}`);
  return { viewer, lang: viewer.preferredLang };
}

/** The demo projects by exact title among the published ones, with their agreements; undefined if one is missing. */
async function demoProjects(deps: Deps, ctx: UseCaseContext) {
  const out = new Map<string, { id: string; agreementId: string }>();
  for (const title of [WATER_CENTRE, RND_PLATFORM, PARTS_WAREHOUSE, BOTTLING]) {
    const { rows } = await listProjects(deps, ctx, { q: title, page: 1, pageSize: 10 });
    const found = rows.find((r) => r.project.title === title);
    if (!found) return undefined;
    out.set(title, {
      id: found.project.id,
      agreementId: (await getProject(deps, ctx, found.project.id)).agreement.id,
    });
  }
  return out;
}

/** Zhejiang's assistance programme for Yanbian, if the demo programme has been loaded. */
async function yanbianProgramme(deps: Deps, ctx: UseCaseContext): Promise<string | undefined> {
  const pairing = (await pairingsOf(deps.db, 'CN-ZJ')).find(
    (p) => p.kind === 'assistance' && p.aCode === 'CN-ZJ' && p.bCode === '222400',
  );
  if (!pairing) return undefined;
  return (await listProgrammes(deps, ctx, { pairingId: pairing.id }))[0]?.programme.id;
}

type Target = { kind: 'listing' | 'project' | 'agreement' | 'programme'; target: string };

/**
 * Records the reference visit once: nothing when it exists already, or when the demo cooperation it links
 * to is not there (a platform whose agreements are real). Every link target is found before anything is
 * written. Returns whether it was recorded now.
 */
export async function loadDemoVisit(deps: Deps, imported: readonly ImportedNews[]): Promise<boolean> {
  if (await visitIdTitled(deps.db, VISIT.titleEn, VISIT.startsOn)) return false;
  const ctx = await as(deps, ZJ);
  const projects = await demoProjects(deps, ctx);
  if (!projects) return false;
  const programme = await yanbianProgramme(deps, ctx);
  const targetOf = (link: Link): Target | undefined => {
    if ('listing' in link) return { kind: 'listing', target: link.listing };
    if ('project' in link) return { kind: 'project', target: projects.get(link.project)!.id };
    if ('agreementOf' in link)
      return { kind: 'agreement', target: projects.get(link.agreementOf)!.agreementId };
    return programme ? { kind: 'programme', target: programme } : undefined;
  };
  const articles = imported.filter((a) => basename(a.path).startsWith(REFERENCE));
  if (articles.length !== 2) throw new Error('demo visit: the reference article is missing');
  const visit = await createVisit(deps, ctx, { ...VISIT, participants: PARTICIPANTS });
  for (const { links, ...input } of AREAS) {
    const area = await addAgreedArea(deps, ctx, visit.id, input);
    for (const target of links.map(targetOf)) {
      if (target) await linkAgreedArea(deps, ctx, visit.id, area.id, target);
    }
  }
  for (const a of articles) await linkArticle(deps, ctx, visit.id, { article: a.id });
  return true;
}
