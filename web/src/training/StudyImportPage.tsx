/** 学时导入: online study hours from the study workbook (see ExcelImport for the flow). */
import { useQueryClient } from '@tanstack/react-query';
import { ExcelImport } from '../components/ExcelImport.tsx';
import { useI18n } from '../i18n/index.tsx';

type Outcome = { credits: number; people: number; hours: number; dryRun: boolean };

export default function StudyImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ExcelImport<Outcome>
      title={t('training.importTitle')}
      intro={t('training.importIntro')}
      endpoint="/training/import"
      templateUrl="/training/import-template.xlsx"
      templateFileName="学习学时导入模板.xlsx"
      checkedText={({ dryRun: _, ...o }) => t('training.checkOk', o)}
      doneText={({ dryRun: _, ...o }) => t('training.done', o)}
      onImported={() => queryClient.invalidateQueries({ queryKey: ['training'] })}
    />
  );
}
