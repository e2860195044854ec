/**
 * The general-assembly vote as the secretary types it (应到 / 实到 / 赞成 / 反对 / 弃权): whether the
 * numbers add up, whether the meeting was quorate and whether the motion carried (DEV-08: more than
 * half of the members with voting rights present, and "yes" from more than half of them). The
 * server decides again; this only lets the form say so before it is sent.
 */
export type VoteCounts = {
  expected?: number | null;
  present?: number | null;
  yes?: number | null;
  no?: number | null;
  abstain?: number | null;
};

export type VoteCheck = {
  complete: boolean;
  /** 赞成 + 反对 + 弃权 = 实到 and 实到 ≤ 应到. */
  addsUp: boolean;
  /** 实到 > 应到 / 2. */
  quorate: boolean;
  /** 赞成 > 应到 / 2. */
  carries: boolean;
};

const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function checkVote(v: VoteCounts | undefined): VoteCheck {
  const { expected, present, yes, no, abstain } = v ?? {};
  if (!isCount(expected) || !isCount(present) || !isCount(yes) || !isCount(no) || !isCount(abstain) || expected === 0)
    return { complete: false, addsUp: false, quorate: false, carries: false };
  return {
    complete: true,
    addsUp: yes + no + abstain === present && present <= expected,
    quorate: present * 2 > expected,
    carries: yes * 2 > expected,
  };
}
