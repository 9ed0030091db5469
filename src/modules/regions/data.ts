/**
 * Pure reference data for Chinese administrative divisions and counterpart pairings.
 *
 * Codes: ISO 3166-2:CN (current two-letter form) for provinces, GB/T 2260 six-digit codes for prefectures.
 */

export type RegionLevel = 'province' | 'prefecture';

export interface RegionSeed {
  /**
   * Stable key: ISO 3166-2 code for provinces (e.g. 'CN-JL'),
   * the GB/T 2260 six-digit code for prefectures (e.g. '222400').
   */
  code: string;
  /** GB/T 2260 six-digit administrative division code (provinces too, e.g. '220000'). */
  gbCode: string;
  level: RegionLevel;
  /** For prefectures: the ISO code of the province; null for provinces. */
  parentCode: string | null;
  /** Full official Chinese name, e.g. '吉林省', '延边朝鲜族自治州'. */
  nameZh: string;
  /** Common English name, e.g. 'Jilin', 'Yanbian Korean Autonomous Prefecture'. */
  nameEn: string;
}

export interface PairingSeed {
  aCode: string;
  bCode: string;
  kind: 'cooperation' | 'assistance';
  /** ISO date. */
  since: string;
  noteEn: string;
  noteZh: string;
}

function province(code: string, gbCode: string, nameZh: string, nameEn: string): RegionSeed {
  return { code, gbCode, level: 'province', parentCode: null, nameZh, nameEn };
}

function prefecture(parentCode: string, gbCode: string, nameZh: string, nameEn: string): RegionSeed {
  return { code: gbCode, gbCode, level: 'prefecture', parentCode, nameZh, nameEn };
}

/** All 34 province-level divisions, in GB/T 2260 order. */
export const PROVINCES: readonly RegionSeed[] = [
  province('CN-BJ', '110000', '北京市', 'Beijing'),
  province('CN-TJ', '120000', '天津市', 'Tianjin'),
  province('CN-HE', '130000', '河北省', 'Hebei'),
  province('CN-SX', '140000', '山西省', 'Shanxi'),
  province('CN-NM', '150000', '内蒙古自治区', 'Inner Mongolia'),
  province('CN-LN', '210000', '辽宁省', 'Liaoning'),
  province('CN-JL', '220000', '吉林省', 'Jilin'),
  province('CN-HL', '230000', '黑龙江省', 'Heilongjiang'),
  province('CN-SH', '310000', '上海市', 'Shanghai'),
  province('CN-JS', '320000', '江苏省', 'Jiangsu'),
  province('CN-ZJ', '330000', '浙江省', 'Zhejiang'),
  province('CN-AH', '340000', '安徽省', 'Anhui'),
  province('CN-FJ', '350000', '福建省', 'Fujian'),
  province('CN-JX', '360000', '江西省', 'Jiangxi'),
  province('CN-SD', '370000', '山东省', 'Shandong'),
  province('CN-HA', '410000', '河南省', 'Henan'),
  province('CN-HB', '420000', '湖北省', 'Hubei'),
  province('CN-HN', '430000', '湖南省', 'Hunan'),
  province('CN-GD', '440000', '广东省', 'Guangdong'),
  province('CN-GX', '450000', '广西壮族自治区', 'Guangxi'),
  province('CN-HI', '460000', '海南省', 'Hainan'),
  province('CN-CQ', '500000', '重庆市', 'Chongqing'),
  province('CN-SC', '510000', '四川省', 'Sichuan'),
  province('CN-GZ', '520000', '贵州省', 'Guizhou'),
  province('CN-YN', '530000', '云南省', 'Yunnan'),
  province('CN-XZ', '540000', '西藏自治区', 'Tibet'),
  province('CN-SN', '610000', '陕西省', 'Shaanxi'),
  province('CN-GS', '620000', '甘肃省', 'Gansu'),
  province('CN-QH', '630000', '青海省', 'Qinghai'),
  province('CN-NX', '640000', '宁夏回族自治区', 'Ningxia'),
  province('CN-XJ', '650000', '新疆维吾尔自治区', 'Xinjiang'),
  province('CN-TW', '710000', '台湾省', 'Taiwan'),
  province('CN-HK', '810000', '香港特别行政区', 'Hong Kong'),
  province('CN-MO', '820000', '澳门特别行政区', 'Macao'),
];

/** Every prefecture-level division of Liaoning, Jilin, Heilongjiang, Jiangsu, Zhejiang and Guangdong. */
export const PREFECTURES: readonly RegionSeed[] = [
  // Liaoning (14)
  prefecture('CN-LN', '210100', '沈阳市', 'Shenyang'),
  prefecture('CN-LN', '210200', '大连市', 'Dalian'),
  prefecture('CN-LN', '210300', '鞍山市', 'Anshan'),
  prefecture('CN-LN', '210400', '抚顺市', 'Fushun'),
  prefecture('CN-LN', '210500', '本溪市', 'Benxi'),
  prefecture('CN-LN', '210600', '丹东市', 'Dandong'),
  prefecture('CN-LN', '210700', '锦州市', 'Jinzhou'),
  prefecture('CN-LN', '210800', '营口市', 'Yingkou'),
  prefecture('CN-LN', '210900', '阜新市', 'Fuxin'),
  prefecture('CN-LN', '211000', '辽阳市', 'Liaoyang'),
  prefecture('CN-LN', '211100', '盘锦市', 'Panjin'),
  prefecture('CN-LN', '211200', '铁岭市', 'Tieling'),
  prefecture('CN-LN', '211300', '朝阳市', 'Chaoyang'),
  prefecture('CN-LN', '211400', '葫芦岛市', 'Huludao'),

  // Jilin (9)
  prefecture('CN-JL', '220100', '长春市', 'Changchun'),
  prefecture('CN-JL', '220200', '吉林市', 'Jilin City'),
  prefecture('CN-JL', '220300', '四平市', 'Siping'),
  prefecture('CN-JL', '220400', '辽源市', 'Liaoyuan'),
  prefecture('CN-JL', '220500', '通化市', 'Tonghua'),
  prefecture('CN-JL', '220600', '白山市', 'Baishan'),
  prefecture('CN-JL', '220700', '松原市', 'Songyuan'),
  prefecture('CN-JL', '220800', '白城市', 'Baicheng'),
  prefecture('CN-JL', '222400', '延边朝鲜族自治州', 'Yanbian Korean Autonomous Prefecture'),

  // Heilongjiang (13)
  prefecture('CN-HL', '230100', '哈尔滨市', 'Harbin'),
  prefecture('CN-HL', '230200', '齐齐哈尔市', 'Qiqihar'),
  prefecture('CN-HL', '230300', '鸡西市', 'Jixi'),
  prefecture('CN-HL', '230400', '鹤岗市', 'Hegang'),
  prefecture('CN-HL', '230500', '双鸭山市', 'Shuangyashan'),
  prefecture('CN-HL', '230600', '大庆市', 'Daqing'),
  prefecture('CN-HL', '230700', '伊春市', 'Yichun'),
  prefecture('CN-HL', '230800', '佳木斯市', 'Jiamusi'),
  prefecture('CN-HL', '230900', '七台河市', 'Qitaihe'),
  prefecture('CN-HL', '231000', '牡丹江市', 'Mudanjiang'),
  prefecture('CN-HL', '231100', '黑河市', 'Heihe'),
  prefecture('CN-HL', '231200', '绥化市', 'Suihua'),
  prefecture('CN-HL', '232700', '大兴安岭地区', 'Da Hinggan Ling Prefecture'),

  // Jiangsu (13)
  prefecture('CN-JS', '320100', '南京市', 'Nanjing'),
  prefecture('CN-JS', '320200', '无锡市', 'Wuxi'),
  prefecture('CN-JS', '320300', '徐州市', 'Xuzhou'),
  prefecture('CN-JS', '320400', '常州市', 'Changzhou'),
  prefecture('CN-JS', '320500', '苏州市', 'Suzhou'),
  prefecture('CN-JS', '320600', '南通市', 'Nantong'),
  prefecture('CN-JS', '320700', '连云港市', 'Lianyungang'),
  prefecture('CN-JS', '320800', '淮安市', "Huai'an"),
  prefecture('CN-JS', '320900', '盐城市', 'Yancheng'),
  prefecture('CN-JS', '321000', '扬州市', 'Yangzhou'),
  prefecture('CN-JS', '321100', '镇江市', 'Zhenjiang'),
  // 泰州 (Jiangsu) and 台州 (Zhejiang) share the romanisation 'Taizhou'; nameZh tells them apart.
  prefecture('CN-JS', '321200', '泰州市', 'Taizhou'),
  prefecture('CN-JS', '321300', '宿迁市', 'Suqian'),

  // Zhejiang (11)
  prefecture('CN-ZJ', '330100', '杭州市', 'Hangzhou'),
  prefecture('CN-ZJ', '330200', '宁波市', 'Ningbo'),
  prefecture('CN-ZJ', '330300', '温州市', 'Wenzhou'),
  prefecture('CN-ZJ', '330400', '嘉兴市', 'Jiaxing'),
  prefecture('CN-ZJ', '330500', '湖州市', 'Huzhou'),
  prefecture('CN-ZJ', '330600', '绍兴市', 'Shaoxing'),
  prefecture('CN-ZJ', '330700', '金华市', 'Jinhua'),
  prefecture('CN-ZJ', '330800', '衢州市', 'Quzhou'),
  prefecture('CN-ZJ', '330900', '舟山市', 'Zhoushan'),
  prefecture('CN-ZJ', '331000', '台州市', 'Taizhou'),
  prefecture('CN-ZJ', '331100', '丽水市', 'Lishui'),

  // Guangdong (21)
  prefecture('CN-GD', '440100', '广州市', 'Guangzhou'),
  prefecture('CN-GD', '440200', '韶关市', 'Shaoguan'),
  prefecture('CN-GD', '440300', '深圳市', 'Shenzhen'),
  prefecture('CN-GD', '440400', '珠海市', 'Zhuhai'),
  prefecture('CN-GD', '440500', '汕头市', 'Shantou'),
  prefecture('CN-GD', '440600', '佛山市', 'Foshan'),
  prefecture('CN-GD', '440700', '江门市', 'Jiangmen'),
  prefecture('CN-GD', '440800', '湛江市', 'Zhanjiang'),
  prefecture('CN-GD', '440900', '茂名市', 'Maoming'),
  prefecture('CN-GD', '441200', '肇庆市', 'Zhaoqing'),
  prefecture('CN-GD', '441300', '惠州市', 'Huizhou'),
  prefecture('CN-GD', '441400', '梅州市', 'Meizhou'),
  prefecture('CN-GD', '441500', '汕尾市', 'Shanwei'),
  prefecture('CN-GD', '441600', '河源市', 'Heyuan'),
  prefecture('CN-GD', '441700', '阳江市', 'Yangjiang'),
  prefecture('CN-GD', '441800', '清远市', 'Qingyuan'),
  prefecture('CN-GD', '441900', '东莞市', 'Dongguan'),
  prefecture('CN-GD', '442000', '中山市', 'Zhongshan'),
  prefecture('CN-GD', '445100', '潮州市', 'Chaozhou'),
  prefecture('CN-GD', '445200', '揭阳市', 'Jieyang'),
  prefecture('CN-GD', '445300', '云浮市', 'Yunfu'),
];

const PROGRAMME_DATE = '2017-03-07';

function provincePair(aCode: string, bCode: string): PairingSeed {
  return {
    aCode,
    bCode,
    kind: 'cooperation',
    since: PROGRAMME_DATE,
    noteEn: 'Province-level pair of the 2017 Northeast–East counterpart cooperation programme.',
    noteZh: '2017年东北地区与东部地区对口合作省级结对。',
  };
}

function cityPair(aCode: string, bCode: string): PairingSeed {
  return {
    aCode,
    bCode,
    kind: 'cooperation',
    since: PROGRAMME_DATE,
    noteEn: 'City-level pair of the 2017 Northeast–East counterpart cooperation programme.',
    noteZh: '2017年东北地区与东部地区对口合作城市结对。',
  };
}

export const PAIRINGS: readonly PairingSeed[] = [
  provincePair('CN-JL', 'CN-ZJ'),
  provincePair('CN-LN', 'CN-JS'),
  provincePair('CN-HL', 'CN-GD'),
  cityPair('210100', 'CN-BJ'),
  cityPair('210200', 'CN-SH'),
  cityPair('220100', 'CN-TJ'),
  cityPair('230100', '440300'),
  {
    aCode: 'CN-ZJ',
    bCode: '222400',
    kind: 'assistance',
    since: '2016-12-01',
    noteEn: 'Zhejiang provides counterpart assistance to Yanbian Korean Autonomous Prefecture.',
    noteZh: '浙江省对口帮扶延边朝鲜族自治州。',
  },
];
