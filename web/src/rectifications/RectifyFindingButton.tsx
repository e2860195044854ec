/** The "整改" button of a finding: puts the finding's problem on the rectification list. */
import { ToolOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { NewRectificationModal } from './NewRectificationModal.tsx';

export function RectifyFindingButton({ findingId, problem }: { findingId: string; problem: string }) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const [open, setOpen] = useState(false);
  if (!abilities.writes) return null;
  return (
    <>
      <Button icon={<ToolOutlined />} onClick={() => setOpen(true)} data-testid="rectify-finding">
        {t('rect.fromFinding')}
      </Button>
      <NewRectificationModal open={open} onClose={() => setOpen(false)} findingId={findingId} problem={problem} />
    </>
  );
}
