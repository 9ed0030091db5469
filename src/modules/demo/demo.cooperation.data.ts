import type { AgreementInput } from '../agreements/fields.ts';
import type { AnswerInput, InterestInput } from '../interests/fields.ts';
import type { ProjectInput, StageInput, UpdateInput } from '../projects/fields.ts';

// The cooperation that followed the reference talks (Hangzhou, 6–7 September 2017), as the demo people
// recorded it: each story is an interest, an agreement and a project at its own stage, so every view
// (pipelines, project pages, the coordinators' queues) has something to show. A project is built only on
// an agreement every party's region has confirmed; one agreement still waits for Zhejiang's confirmation.

const JL = 'coordinator.jl@demo.counterpart.local';
const ZJ = 'coordinator.zj@demo.counterpart.local';
const WATER = 'member.water@demo.counterpart.local';
const TRADE = 'member.trade@demo.counterpart.local';
const JLU = 'member.jlu@demo.counterpart.local';
const ZJU = 'member.zju@demo.counterpart.local';
const AUTOPARTS = 'member.autoparts@demo.counterpart.local';
const DALIAN = 'member.dalian@demo.counterpart.local';

export interface DemoStory {
  interest?: {
    by: string;
    input: InterestInput;
    answer?: { by: string; answer: AnswerInput; messages?: { by: string; body: string }[] };
  };
  agreement?: {
    by: string;
    /** English names of the parties' organisations. */
    parties: string[];
    input: Omit<AgreementInput, 'partyOrgIds' | 'interestIds'>;
    confirmedBy: string[];
  };
  project?: {
    by: string;
    input: ProjectInput;
    milestones?: { title: string; dueOn: string; doneOn?: string }[];
    stages?: StageInput[];
    updates?: { by: string; input: UpdateInput; approvedBy?: string }[];
  };
}

export const DEMO_COOPERATION: DemoStory[] = [
  // Jilin products into the Zhejiang market: from a match to a distribution centre in production.
  {
    interest: {
      by: TRADE,
      input: {
        listingRef: 'demo-jl-01',
        viaListingRef: 'demo-zj-01',
        message:
          'We distribute Northeast specialties to 300 supermarkets in Zhejiang and would like to carry your Changbai Mountain water.',
        bring: 'A distribution network of 300 supermarkets and our own cold and dry warehouses in Hangzhou.',
        form: 'trade',
        timeline: 'within_3_months',
      },
      answer: {
        by: WATER,
        answer: { accept: true },
        messages: [
          { by: WATER, body: '欢迎！我们可以先提供 500 毫升和 5 升两种规格的样品，请告知收货地址。' },
          {
            by: TRADE,
            body: 'Thank you. Please send samples to our Xiaoshan warehouse; we can meet in Hangzhou in October.',
          },
        ],
      },
    },
    agreement: {
      by: TRADE,
      parties: [
        'Hangzhou Silk Road International Trade Co., Ltd.',
        'Yanbian Changbai Spring Mineral Water Co., Ltd.',
      ],
      input: {
        type: 'trade',
        title: '长白山天然矿泉水浙江区域总经销协议',
        summary: '杭州丝路国际贸易有限公司作为长白山泉矿泉水在浙江省的总经销商，三年内采购不少于 3000 万元。',
        language: 'zh',
        valueCny: 30_000_000,
        signedOn: '2017-11-20',
        signedPlace: '杭州',
        listingRefs: ['demo-jl-01'],
      },
      confirmedBy: [ZJ, JL],
    },
    project: {
      by: TRADE,
      input: {
        title: '长白山矿泉水杭州分拨中心',
        summary: '在杭州萧山建设长白山矿泉水分拨中心，覆盖浙江全省商超渠道。',
        language: 'zh',
        category: 'product',
        sector: 'C15',
        regionCode: 'CN-ZJ',
        areaCode: '330100',
        contractedInvestmentCny: 30_000_000,
      },
      milestones: [
        { title: '分拨中心选址并签订租赁合同', dueOn: '2018-03-31', doneOn: '2018-03-10' },
        { title: '首批货物入仓', dueOn: '2018-07-31', doneOn: '2018-06-28' },
      ],
      stages: [
        { stage: 'landed', on: '2018-03-15' },
        { stage: 'started', on: '2018-06-01' },
        { stage: 'in_production', on: '2019-01-10' },
      ],
      updates: [
        {
          by: TRADE,
          input: {
            body: '分拨中心已全面运营，覆盖浙江 11 个地市的 312 家门店；2018 年销售长白山矿泉水 860 万瓶。',
            actualInvestmentCny: 26_000_000,
            jobsCreated: 85,
          },
          approvedBy: ZJ,
        },
      ],
    },
  },
  // The R&D platform for universities, institutes and enterprises agreed at the talks.
  {
    agreement: {
      by: JLU,
      parties: ['Jilin University', 'Zhejiang University'],
      input: {
        type: 'rnd',
        title: '吉林大学—浙江大学共建高校院所企业联合研发平台框架协议',
        summary: '两校牵头，联合两省科研院所和企业共建研发平台，首期聚焦汽车轻量化和人参精深加工。',
        language: 'zh',
        valueCny: 50_000_000,
        signedOn: '2017-09-07',
        signedPlace: '杭州',
        listingRefs: ['demo-jl-14'],
      },
      confirmedBy: [JL, ZJ],
    },
    project: {
      by: JLU,
      input: {
        title: '吉浙高校院所企业联合研发平台',
        summary: '在长春建设联合实验室和中试基地，面向两省企业开放。',
        language: 'zh',
        category: 'technology',
        sector: 'M73',
        regionCode: 'CN-JL',
        areaCode: '220100',
        contractedInvestmentCny: 50_000_000,
      },
      milestones: [
        { title: '联合实验室挂牌', dueOn: '2018-06-30', doneOn: '2018-06-28' },
        { title: '首批联合攻关项目立项', dueOn: '2019-06-30' },
      ],
      stages: [
        { stage: 'landed', on: '2018-01-15' },
        { stage: 'started', on: '2018-05-20' },
      ],
      updates: [
        {
          by: JLU,
          input: {
            body: '联合实验室已投入使用，完成设备采购 1200 万元，引进研究人员 30 名。',
            actualInvestmentCny: 12_000_000,
            jobsCreated: 30,
          },
        },
      ],
    },
  },
  // Equipment: Jilin car parts for a Ningbo carmaker, recorded by Jilin's coordinator.
  {
    agreement: {
      by: JL,
      parties: ['Changchun Huaxin Auto Parts Co., Ltd.', 'Ningbo Qianwan Automotive Systems Co., Ltd.'],
      input: {
        type: 'trade',
        title: 'Second-source supply of brake discs and steering knuckles',
        summary:
          'Changchun Huaxin supplies chassis parts to Ningbo Qianwan for five years and opens a bonded warehouse in Ningbo.',
        language: 'en',
        valueCny: 45_000_000,
        signedOn: '2018-04-10',
        signedPlace: 'Ningbo',
        listingRefs: ['demo-jl-10', 'demo-zj-12'],
      },
      confirmedBy: [ZJ],
    },
    project: {
      by: AUTOPARTS,
      input: {
        title: 'Huaxin parts warehouse at Qianwan, Ningbo',
        language: 'en',
        category: 'product',
        sector: 'C36',
        regionCode: 'CN-ZJ',
        areaCode: '330200',
        contractedInvestmentCny: 8_000_000,
      },
      milestones: [{ title: 'Warehouse fit-out finished', dueOn: '2030-12-31' }],
      stages: [{ stage: 'landed', on: '2018-09-01' }],
    },
  },
  // Jilin resources and Zhejiang capital: an investment that stalled over the water source.
  {
    agreement: {
      by: JL,
      parties: [
        'Yanbian Changbai Spring Mineral Water Co., Ltd.',
        'Zhejiang Merchants Northeast Revitalisation Equity Fund',
      ],
      input: {
        type: 'investment',
        title: '长白山泉高速灌装线扩建项目投资协议',
        summary: '浙商东北振兴股权投资基金出资 1.5 亿元，扩建年产 30 万吨高速灌装线。',
        language: 'zh',
        valueCny: 150_000_000,
        signedOn: '2018-06-18',
        signedPlace: '延吉',
        listingRefs: ['demo-jl-03'],
      },
      confirmedBy: [ZJ],
    },
    project: {
      by: WATER,
      input: {
        title: '长白山泉高速灌装线扩建',
        language: 'zh',
        category: 'capital',
        sector: 'C15',
        regionCode: 'CN-JL',
        areaCode: '222400',
        contractedInvestmentCny: 150_000_000,
      },
      stages: [
        { stage: 'stalled', on: '2019-03-01', reason: '水源地保护区调整，环评批复延后，待重新选址。' },
      ],
    },
  },
  // Recorded by the Jilin party and confirmed by Jilin: waits for Zhejiang's coordinator, so no project yet.
  {
    agreement: {
      by: AUTOPARTS,
      parties: ['Changchun Huaxin Auto Parts Co., Ltd.', 'Zhejiang University'],
      input: {
        type: 'licensing',
        title: '铝合金转向节轻量化技术许可协议',
        summary:
          '浙江大学将铝合金转向节轻量化成型技术许可长春华信汽车零部件有限公司使用，许可期五年，含技术培训和工艺验证。',
        language: 'zh',
        valueCny: 6_000_000,
        signedOn: '2018-08-16',
        signedPlace: '长春',
      },
      confirmedBy: [JL],
    },
  },
  // Still waiting for an answer: Zhejiang University's interest in Jilin University's lightweighting work.
  {
    interest: {
      by: ZJU,
      input: {
        listingRef: 'demo-jl-14',
        message: '浙江大学材料学院希望与贵校在铝镁合金车身轻量化方向开展联合攻关。',
        bring: '材料计算平台和台州、宁波的整车及零部件企业合作网络。',
        form: 'rnd',
        timeline: 'months_3_6',
      },
    },
  },
  // Declined, with the reason kept for the matching engine.
  {
    interest: {
      by: DALIAN,
      input: {
        listingRef: 'demo-jl-10',
        message: 'We would like brake discs for marine winch systems, about 200 units a year.',
        bring: 'Long-term orders from our shipyard partners in Dalian.',
        form: 'trade',
        timeline: 'within_3_months',
      },
      answer: { by: AUTOPARTS, answer: { accept: false, reason: 'capacity' } },
    },
  },
];
