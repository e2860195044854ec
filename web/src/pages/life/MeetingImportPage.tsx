/** 会议记录导入: meeting records from the meeting workbook (see ExcelImport for the flow). */
import { useQueryClient } from '@tanstack/react-query';
import { ExcelImport } from '../../components/ExcelImport.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Outcome = { meetings: number; attendance: number; absent: number; leave: number; dryRun: boolean };

export default function MeetingImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ExcelImport<Outcome>
      title={t('mimport.title')}
      intro={t('mimport.intro')}
      endpoint="/meetings/import"
      templateUrl="/meetings/import-template.xlsx"
      templateFileName="会议记录导入模板.xlsx"
      checkedText={(o) => t('mimport.checkOk', { ...o, dryRun: '' })}
      doneText={(o) => t('mimport.done', { ...o, dryRun: '' })}
      onImported={() => queryClient.invalidateQueries({ queryKey: ['meetings'] })}
    />
  );
}
