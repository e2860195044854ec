/**
 * The DEV rules of the first steps: the applicant's age (DEV-01), the talk after the application
 * (DEV-02) and the activist's mentors (DEV-03). The statutory checks are `law.ts`'s, the same the
 * gate applies when a step is recorded; here they find the defects of stored (imported) cases.
 */
import type { FindingDraft, Rule } from '../compliance/types.ts';
import { dev01MinAge, dev03Mentors } from '../development/law.ts';
import { addDays, daysBetween } from '../periods.ts';
import { defectFindings, inRange, isOpen, missedFinding, owedFinding, subject } from './dev-common.ts';

const dev01: Rule<'development'> = {
  id: 'DEV-01',
  family: 'DEV',
  title: { zh: '入党申请人年满十八周岁', en: 'Applicants are at least 18' },
  scope: 'person',
  period: 'event',
  params: {
    minAge: {
      type: 'integer',
      default: 18,
      min: 14,
      max: 30,
      stricter: 'higher',
      label: { zh: '最低年龄', en: 'Minimum age' },
      unit: { zh: '周岁', en: 'years' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const application = record.events.find((e) => e.step === 'application');
      if (!application || !inRange(ctx, application.on)) continue;
      const issue = dev01MinAge(record.birthDate, application.on, Number(ctx.params(record.orgId).minAge));
      if (issue) out.push(...defectFindings(record, [{ on: application.on, stage: 'applicant', issue }]));
    }
    return out;
  },
};

/** A talk is a to-do from a week before it is due (the whole month is short). */
const TALK_WARN_DAYS = 7;

const dev02: Rule<'development'> = {
  id: 'DEV-02',
  family: 'DEV',
  title: { zh: '收到入党申请书后及时谈话', en: 'The branch talks with an applicant in time' },
  scope: 'person',
  period: 'event',
  params: {
    talkDays: {
      type: 'integer',
      default: 30,
      min: 1,
      max: 180,
      stricter: 'lower',
      label: { zh: '谈话期限（申请后）', en: 'Talk within' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const application = record.events.find((e) => e.step === 'application');
      if (!application) continue;
      const talkDays = Number(ctx.params(record.orgId).talkDays);
      const due = addDays(application.on, talkDays);
      const talk = record.events.find((e) => e.step === 'talk' && e.on >= application.on);
      const who = subject(record, 'applicant');
      const applied = {
        zh: `${who.zh}于${application.on}递交入党申请书`,
        en: `${who.en} applied on ${application.on}`,
      };
      const required = { zh: `（要求${talkDays}天内谈话）`, en: ` (required: within ${talkDays} days)` };
      if (talk) {
        if (talk.on <= due || !inRange(ctx, talk.on)) continue;
        const days = daysBetween(application.on, talk.on);
        out.push({
          severity: 'breach',
          orgId: record.orgId,
          personId: record.personId,
          period: talk.on.slice(0, 4),
          evidence: [{ kind: 'person', id: record.personId, label: record.name }],
          numbers: { days, talkDays },
          message: {
            zh: `${applied.zh}，${talk.on}才谈话，相隔${days}天${required.zh}`,
            en: `${applied.en} and was talked with only on ${talk.on}, ${days} days later${required.en}`,
          },
        });
        continue;
      }
      if (isOpen(record)) {
        const finding = owedFinding(record, {
          asOf: ctx.asOf,
          due,
          warnDays: TALK_WARN_DAYS,
          warning: (left) => ({
            zh: `${applied.zh}，尚未谈话，须于${due}前谈话（还剩${left}天）`,
            en: `${applied.en}; not yet talked with: due by ${due} (${left} days left)`,
          }),
          breach: (days) => ({
            zh: `${applied.zh}，尚未谈话，已超过谈话期限${days}天（应于${due}前谈话）${required.zh}`,
            en: `${applied.en}; not talked with, ${days} days past the due day ${due}${required.en}`,
          }),
          numbers: { talkDays },
        });
        if (finding) out.push(finding);
      } else if (inRange(ctx, due) && due < ctx.asOf) {
        out.push(missedFinding(record, due, overdueClosed(applied, due, required), { talkDays }));
      }
    }
    return out;
  },
};

const overdueClosed = (applied: { zh: string; en: string }, due: string, required: { zh: string; en: string }) => ({
  zh: `${applied.zh}，未记录谈话（应于${due}前谈话）${required.zh}`,
  en: `${applied.en}; no talk recorded (due by ${due})${required.en}`,
});

const dev03: Rule<'development'> = {
  id: 'DEV-03',
  family: 'DEV',
  title: {
    zh: '入党积极分子有1至2名正式党员作培养联系人',
    en: 'Activists have one or two mentors who are full members',
  },
  scope: 'person',
  period: 'event',
  params: {},
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const activist = record.events.find((e) => e.step === 'activist');
      if (!activist || !inRange(ctx, activist.on)) continue;
      const issues = dev03Mentors(activist.data.mentors ?? [], activist.statusOn, activist.on, ctx.facts.names);
      out.push(
        ...defectFindings(
          record,
          issues.map((issue) => ({ on: activist.on, stage: 'activist', issue })),
        ),
      );
    }
    return out;
  },
};

export const devEntryRules = [dev01, dev02, dev03];
