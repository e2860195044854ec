/**
 * Realistic Chinese names: surnames drawn by their frequency in the 2020 census (per mille, the
 * hundred most common single-character surnames), given names from characters that fit the
 * person's gender and the decade they were born in.
 */
import type { Random } from './random.ts';

const surnameTable =
  '王71 李70 张67 刘54 陈46 杨31 黄24 赵23 吴20 周19 徐14 孙14 马13 朱12 胡11 郭11 何11 林10 高10 罗10 ' +
  '郑9 梁9 谢8 宋7 唐7 许7 韩7 冯7 邓7 曹6 彭6 曾6 肖6 田5 董5 袁5 潘5 于5 蒋5 蔡5 余5 杜5 叶4 程4 ' +
  '苏4 魏4 吕4 丁4 任4 沈4 姚4 卢4 姜4 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白3 ' +
  '邹3 孟3 熊3 秦3 邱3 江3 尹3 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 ' +
  '严2 覃2 武2 戴2 莫2 孔2 向2 汤2';

const surnames = surnameTable.split(' ').map((entry) => entry.slice(0, 1));
const surnameWeights = surnameTable.split(' ').map((entry) => Number(entry.slice(1)));

type Pools = { single: string; first: string; second: string; whole: string[] };

// People born before 1970 often carry the two-character names of their time (建国, 秀英).
const older: Record<'male' | 'female', Pools> = {
  male: {
    single: '军伟强斌勇刚平杰涛明辉林峰华兵',
    first: '建国志德学宝振立永文玉春长庆',
    second: '国华民军明平林生成忠义祥福胜',
    whole: ['建国', '建华', '国强', '志强', '建军', '卫东', '红旗', '德明', '永红', '卫国', '振华', '国庆'],
  },
  female: {
    single: '英兰芳霞华萍红琴云梅',
    first: '秀桂淑玉凤丽春素美金',
    second: '英兰珍芳华琴梅荣云霞',
    whole: ['秀英', '桂兰', '淑珍', '玉兰', '秀兰', '凤英', '丽华', '桂芳', '春梅', '素芳', '红梅', '爱华'],
  },
};

const middle: Record<'male' | 'female', Pools> = {
  male: {
    single: '伟强磊军洋勇杰涛斌超明刚辉鹏华飞鑫波宁',
    first: '志海晓建文俊国永新立宏家春明振云',
    second: '伟强军鹏飞涛峰杰明辉勇刚斌龙林平',
    whole: [],
  },
  female: {
    single: '静敏燕艳丽娟霞芳娜丹玲萍红颖洁琳',
    first: '晓丽秀玉春海美雪红慧雅文静',
    second: '燕丽娟霞芳婷玲红梅艳敏静华琴',
    whole: [],
  },
};

// Students (born after 2000) and young staff: the names of their generation (子涵, 欣怡).
const young: Record<'male' | 'female', Pools> = {
  male: {
    single: '浩宇轩博航睿凯哲昊阳鑫磊晨',
    first: '子浩宇俊梓一博思嘉明天志泽家皓',
    second: '轩涵宇豪杰睿航辰阳博铭然琪凯晨',
    whole: ['子轩', '浩然', '梓轩', '宇航', '俊杰', '一鸣', '博文', '思远', '嘉豪', '天佑'],
  },
  female: {
    single: '欣悦萱琪璐瑶婷雯涵妍',
    first: '欣梓子雨思佳诗可若雅紫晓梦一',
    second: '怡涵萱琪琳彤妍雯婷悦瑶璇菲然茜',
    whole: ['欣怡', '梓涵', '雨桐', '诗涵', '思雨', '可馨', '佳琪', '梦瑶', '若曦', '一诺'],
  },
};

export type Gender = 'male' | 'female';

/** A 2–3 character name for someone of this gender born in this year. */
export function chineseName(random: Random, gender: Gender, birthYear: number): string {
  const surname = random.weighted(surnames, surnameWeights);
  const pools = (birthYear < 1970 ? older : birthYear < 1995 ? middle : young)[gender];
  const roll = random.next();
  if (roll < 0.15) return surname + random.pick([...pools.single]);
  if (roll < 0.3 && pools.whole.length) return surname + random.pick(pools.whole);
  const first = random.pick([...pools.first]);
  let second = random.pick([...pools.second]);
  // Doubled characters (晓晓) read as nicknames; draw again once.
  if (second === first) second = random.pick([...pools.second]);
  return surname + first + second;
}
