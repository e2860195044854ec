/** Small shared pieces of the acceptance pages: the stage tag and a bilingual text in the UI's language. */
import { Tag } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { type Bilingual, type Stage, stageColor } from './api.ts';

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useI18n();
  return (
    <Tag color={stageColor[stage]} data-testid="acc-stage">
      {t.label('accStage', stage)}
    </Tag>
  );
}

export function useText() {
  const { locale } = useI18n();
  return (text: Bilingual) => (locale === 'zh-CN' ? text.zh : text.en);
}
