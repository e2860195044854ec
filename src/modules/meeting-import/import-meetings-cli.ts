/** `zhibu import records.xlsx --meetings`: the meeting-records import, from the command line. */
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../../server/audit.ts';
import { todayInShanghai } from '../../server/context.ts';
import type { Actor } from '../../server/scope.ts';
import { importMeetings, MeetingImportRollback } from './import-meetings.ts';
import type { MeetingRow } from './parse-meeting-rows.ts';
import { meetingsRejected } from './routes.ts';

export { parseMeetingWorkbook } from './parse-meeting-rows.ts';
export { meetingsRejected } from './routes.ts';

/** The command line reaches the whole university it names, like its organization department. */
const cliActor = (): Actor => ({
  ...systemActor('cli'),
  username: 'cli',
  locale: 'zh-CN',
  tenantId: null,
  personId: null,
  grants: [],
  readAreas: [],
  writeAreas: [],
  all: true,
});

export async function importMeetingRows(
  db: Db,
  options: { university: { id: string; code: string; name: string }; rows: MeetingRow[]; dryRun?: boolean },
) {
  const dryRun = options.dryRun ?? false;
  let result: Awaited<ReturnType<typeof importMeetings>>;
  try {
    result = await db.transaction((tx) =>
      importMeetings(tx, {
        tenantId: options.university.id,
        rows: options.rows,
        actor: cliActor(),
        dryRun,
        today: todayInShanghai(new Date()),
      }),
    );
  } catch (error) {
    if (!(error instanceof MeetingImportRollback)) throw error;
    if (error.issues.length) throw meetingsRejected(error.issues);
    result = error.result;
  }
  const verb = dryRun ? '检查通过（未写入）Checked, nothing written' : '已导入会议记录 Imported the meeting records';
  console.log(`${verb}: ${options.university.code} ${options.university.name}`);
  for (const [what, n] of Object.entries(result)) console.log(`  ${what.padEnd(12)} ${n}`);
}
