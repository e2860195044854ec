/**
 * The roster template: the sheet to fill (headers only, with drop-downs for the fixed choices), a
 * sheet explaining every column with an example row, and the branch and group codes the
 * downloading user may import into.
 */
import ExcelJS from 'exceljs';
import { rosterColumns } from './columns.ts';

export type CodeEntry = { code: string; name: string; kind: string; branchCode: string | null };

const choices: Partial<Record<string, string>> = {
  gender: '"男,女"',
  personCategory: '"教职工,学生,离退休"',
  leadingCadre: '"是,否"',
  status: '"正式,预备"',
  standing: '"正常,停止党籍,自行脱党,出党,去世"',
};

export async function buildRosterTemplate(codes: CodeEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhibu 支部';

  const roster = workbook.addWorksheet('人员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  roster.columns = rosterColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2),
  }));
  roster.getRow(1).font = { bold: true };
  rosterColumns.forEach((c, i) => {
    if (c.required) roster.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    const column = roster.getColumn(i + 1);
    // Text format keeps codes such as 0012 and phone numbers as typed.
    if (!['birthDate', 'joinedOn', 'confirmedOn', 'validFrom'].includes(c.key)) column.numFmt = '@';
    const list = choices[c.key];
    if (list)
      for (let row = 2; row <= 1000; row++)
        roster.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [list] };
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 36 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 70 },
    { header: '示例', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of rosterColumns)
    help.addRow({ header: c.header, required: c.required ? '必填' : '选填', help: c.help, example: c.example });
  help.addRow([]);
  help.addRow([
    '说明：每行一人；编号已存在的人员将被更新（空白单元格保留原值），支部、党员状态或党籍状态变化时自起始日期起转入新记录并保留历史。',
  ]);
  help.addRow(['任何一行有误时整个文件都不会导入，请按错误报告修改后重新上传。']);
  help.addRow([]);
  help.addRow(['示例行（请在“人员名册”工作表中按此格式填写）：']).font = { bold: true };
  help.addRow(rosterColumns.map((c) => c.header)).font = { bold: true };
  help.addRow(rosterColumns.map((c) => c.example));

  const list = workbook.addWorksheet('可用编码');
  list.columns = [
    { header: '类型', key: 'kind', width: 10 },
    { header: '编码', key: 'code', width: 20 },
    { header: '名称', key: 'name', width: 36 },
    { header: '所属支部编码', key: 'branchCode', width: 20 },
  ];
  list.getRow(1).font = { bold: true };
  for (const entry of codes)
    list.addRow({
      kind: entry.kind === 'branch' ? '党支部' : '党小组',
      code: entry.code,
      name: entry.name,
      branchCode: entry.branchCode,
    });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
