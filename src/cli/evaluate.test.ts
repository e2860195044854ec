/**
 * `zhibu evaluate` as an operator runs it, against the shared sample scenario: for every rule the
 * scenario judges, exactly its planted breaches — no fewer and no more (the same comparison as
 * `shared/scenarios/check.py`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../../test/cli.ts';
import { P1_PATH } from '../../test/fixtures/dataset.ts';

type Expected = {
  standard: string;
  asOf: string;
  checkedRules: string[];
  findings: { rule: string; org: string; member: string | null; period: string | null }[];
};
type Printed = {
  rule: string;
  severity: string;
  org: string;
  member: string | null;
  period: string | null;
  message: string;
  source: string;
};

const expected: Expected = JSON.parse(readFileSync(path.join(path.dirname(P1_PATH), 'p1.expected.json'), 'utf8'));
const presentStateRules = new Set(expected.findings.filter((f) => f.period === null).map((f) => f.rule));
const keyOf = (f: { rule: string; org: string; member: string | null; period: string | null }) =>
  `${f.rule} ${f.org} ${f.member ?? '-'} ${presentStateRules.has(f.rule) ? '-' : (f.period ?? '-')}`;

let cli: CliSandbox;
beforeAll(async () => {
  cli = await createCliSandbox('evaluate');
});
afterAll(() => cli.dispose());

const evaluateP1 = (...extra: string[]) =>
  cli.run(['evaluate', '--data', P1_PATH, '--standard', expected.standard, '--as-of', expected.asOf, ...extra]);

describe('zhibu evaluate', () => {
  it('finds exactly the planted breaches of the sample scenario', async () => {
    const run = await evaluateP1('--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed: Printed[] = JSON.parse(run.stdout);
    const judged = printed.filter((f) => expected.checkedRules.includes(f.rule) && f.severity === 'breach');
    expect(judged.map(keyOf).sort()).toEqual(expected.findings.map(keyOf).sort());
    const lecture = printed.find((f) => f.rule === 'LIFE-04' && f.org === 'p-b2');
    expect(lecture).toMatchObject({ period: '2021-Q1', source: expect.stringContaining('003') });
    expect(lecture?.message).toContain('2021年第1季度');
    for (const f of printed) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'severity', 'org', 'member', 'period', 'message', 'source']),
      );
    }
  });

  it('gives the same findings when the dataset is imported first and the stored university evaluated', async () => {
    const direct: Printed[] = JSON.parse((await evaluateP1('--json')).stdout);
    expect((await cli.run(['import', P1_PATH])).code).toBe(0);
    const stored = await cli.run(['evaluate', '--standard', expected.standard, '--as-of', expected.asOf, '--json']);
    expect(stored.code).toBe(0);
    const strip = (list: Printed[]) =>
      list.map((f) => `${f.rule} ${f.org} ${f.member} ${f.period} ${f.severity} ${f.message}`).sort();
    expect(strip(JSON.parse(stored.stdout))).toEqual(strip(direct));
  }, 240_000);

  it('prints a readable table without --json, exit code 0 with findings', async () => {
    const run = await evaluateP1();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^评估 Evaluated \d+ rules, 2021-01-01 … 2022-01-10, as of 2022-01-10/);
    expect(run.stdout).toContain('LIFE-04\tbreach\tp-b2\t-\t2021-Q1\t2021年第1季度');
  });

  it('rejects unknown sets and rule ids, bad dates and malformed datasets with a non-zero exit', async () => {
    const unknownSet = await cli.run(['evaluate', '--data', P1_PATH, '--standard', 'hbzy-2019-3s3n,nope']);
    expect(unknownSet.code).not.toBe(0);
    expect(unknownSet.stderr).toContain('未知的标准集 nope');
    const unknownRule = await cli.run(['evaluate', '--data', P1_PATH, '--rules', 'LIFE-99']);
    expect(unknownRule.code).not.toBe(0);
    expect(unknownRule.stderr).toContain('未知的规则编号 LIFE-99');
    const badDay = await cli.run(['evaluate', '--data', P1_PATH, '--as-of', '2022-13-01']);
    expect(badDay.code).not.toBe(0);
    expect(badDay.stderr).toContain('--as-of');
    const broken = path.join(cli.dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({ format: 'zhibu-dataset/1', university: { code: 'x' }, orgs: [{ code: 1 }] }),
    );
    const malformed = await cli.run(['evaluate', '--data', broken]);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain('/university/name');
    expect(malformed.stdout).toBe('');
  });
});
