/** The pipeline counts an activist pool analysis keeps (per open stage, students and staff; young teachers). */
import { Descriptions } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { openStages, stageName } from './names.ts';
import type { PoolCounts } from './pool-api.ts';

export const countOf = (counts: PoolCounts, stage: string) => {
  const c = counts.byStage[stage] ?? { student: 0, staff: 0 };
  return c.student + c.staff;
};

export function PoolCountsView({ counts }: { counts: PoolCounts }) {
  const { t, locale } = useI18n();
  return (
    <Descriptions size="small" bordered column={1} data-testid="pool-counts">
      {openStages.map((stage) => {
        const c = counts.byStage[stage] ?? { student: 0, staff: 0 };
        return (
          <Descriptions.Item key={stage} label={stageName(stage, locale)}>
            {t('dev.poolCount', { total: c.student + c.staff, student: c.student, staff: c.staff })}
          </Descriptions.Item>
        );
      })}
      <Descriptions.Item label={t('dev.youngTeachers')}>{counts.youngTeachers}</Descriptions.Item>
    </Descriptions>
  );
}
