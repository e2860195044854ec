/**
 * The meeting-records template: the sheet to fill (drop-downs for type and 是/否), a sheet
 * explaining every column with an example row, and the org codes the downloading user may use.
 */
import ExcelJS from 'exceljs';
import { meetingColumns, meetingTypeNames } from './columns.ts';

export type OrgCodeEntry = { code: string; name: string; kind: string };

const kindNames: Record<string, string> = { college: '学院', branch: '党支部', group: '党小组' };

export async function buildMeetingTemplate(codes: OrgCodeEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhibu 支部';
  const sheet = workbook.addWorksheet('会议记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = meetingColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const typeList = `"${Object.values(meetingTypeNames).join(',')}"`;
  meetingColumns.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    // Text keeps codes and times as typed (Excel would turn 14:30 into a fraction of a day).
    if (c.key !== 'heldOn') sheet.getColumn(i + 1).numFmt = '@';
    const list = c.key === 'type' ? typeList : c.key === 'minutes' ? '"是,否"' : null;
    if (list)
      for (let row = 2; row <= 1000; row++)
        sheet.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [list] };
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 24 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 80 },
    { header: '示例', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of meetingColumns)
    help.addRow({ header: c.header, required: c.required ? '必填' : '选填', help: c.help, example: c.example });
  help.addRow([]);
  help.addRow([
    '说明：每行一次会议。应到人员按会议当日的组织关系自动确定（支部党员、党小组成员、支委会成员或领导班子），无需填写；未列为缺席或请假的应到人员记为出席。',
  ]);
  help.addRow([
    '导入的会议状态为“已记录”。任何一行有误时整个文件都不会导入，请按错误报告（行号、列名、原因）修改后重新上传。',
  ]);
  help.addRow([]);
  help.addRow(['示例行（请在“会议记录”工作表中按此格式填写）：']).font = { bold: true };
  help.addRow(meetingColumns.map((c) => c.header)).font = { bold: true };
  help.addRow(meetingColumns.map((c) => c.example));

  const list = workbook.addWorksheet('可用编码');
  list.columns = [
    { header: '类型', key: 'kind', width: 10 },
    { header: '编码', key: 'code', width: 20 },
    { header: '名称', key: 'name', width: 40 },
  ];
  list.getRow(1).font = { bold: true };
  for (const entry of codes)
    list.addRow({ kind: kindNames[entry.kind] ?? entry.kind, code: entry.code, name: entry.name });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
