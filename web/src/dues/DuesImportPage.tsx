/** 党费导入: income bases from a payroll sheet and payments, each with the one Excel import flow (template, check, import). */
import { useQueryClient } from '@tanstack/react-query';
import { Space } from 'antd';
import { ExcelImport } from '../components/ExcelImport.tsx';
import { useI18n } from '../i18n/index.tsx';

type Outcome = { rows: number; dryRun: boolean };

export default function DuesImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['dues'] });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <ExcelImport<Outcome>
        title={t('dues.importBasesTitle')}
        intro={t('dues.importBasesIntro')}
        endpoint="/dues/bases/import"
        templateUrl="/dues/bases/template.xlsx"
        templateFileName="党费基数导入模板.xlsx"
        checkedText={(o) => t('dues.importChecked', { n: o.rows })}
        doneText={(o) => t('dues.importDone', { n: o.rows })}
        onImported={refresh}
      />
      <ExcelImport<Outcome>
        title={t('dues.importPaymentsTitle')}
        intro={t('dues.importPaymentsIntro')}
        endpoint="/dues/payments/import"
        templateUrl="/dues/payments/template.xlsx"
        templateFileName="党费交纳导入模板.xlsx"
        checkedText={(o) => t('dues.importChecked', { n: o.rows })}
        doneText={(o) => t('dues.importDone', { n: o.rows })}
        onImported={refresh}
      />
    </Space>
  );
}
