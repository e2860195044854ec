/**
 * 积极分子导入: an activist list from Excel, all or nothing — each row opens a case with its
 * application and activist steps and the mentors; the check reports every bad row (see
 * ExcelImport for the flow).
 */
import { useQueryClient } from '@tanstack/react-query';
import { ExcelImport } from '../components/ExcelImport.tsx';
import { useI18n } from '../i18n/index.tsx';

type Outcome = { rows: number; dryRun: boolean };

export default function ActivistImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ExcelImport<Outcome>
      title={t('dev.importTitle')}
      intro={t('dev.importIntro')}
      endpoint="/development/activists/import"
      templateUrl="/development/activists/template.xlsx"
      templateFileName="入党积极分子名单导入模板.xlsx"
      checkedText={(o) => t('dev.importChecked', { count: o.rows })}
      doneText={(o) => t('dev.importDone', { count: o.rows })}
      onImported={() => queryClient.invalidateQueries({ queryKey: ['development'] })}
    />
  );
}
