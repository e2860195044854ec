/** 名册导入: people and memberships from the roster workbook (see ExcelImport for the flow). */
import { useQueryClient } from '@tanstack/react-query';
import { ExcelImport } from '../components/ExcelImport.tsx';
import { useI18n } from '../i18n/index.tsx';

type Outcome = { created: number; updated: number; unchanged?: number; dryRun?: boolean };

export default function RosterImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ExcelImport<Outcome>
      title={t('import.title')}
      intro={t('import.intro')}
      endpoint="/roster/import"
      templateUrl="/roster/template.xlsx"
      templateFileName="人员名册导入模板.xlsx"
      checkedText={(o) => t('import.checkOk', { created: o.created, updated: o.updated })}
      doneText={(o) => t('import.done', { created: o.created, updated: o.updated })}
      onImported={() => {
        queryClient.invalidateQueries({ queryKey: ['people'] });
        queryClient.invalidateQueries({ queryKey: ['orgs'] });
      }}
    />
  );
}
