/** The online-study template: the sheet to fill and a sheet explaining every column. */
import ExcelJS from 'exceljs';
import { studyColumns } from './study-columns.ts';

export async function buildStudyTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhibu 支部';
  const sheet = workbook.addWorksheet('学习学时', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = studyColumns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 2) }));
  sheet.getRow(1).font = { bold: true };
  studyColumns.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    // Text format keeps codes such as 0012 and dates as typed.
    if (c.key !== 'hours') sheet.getColumn(i + 1).numFmt = '@';
  });
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 28 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 50 },
    { header: '示例', key: 'example', width: 32 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of studyColumns)
    help.addRow({ header: c.header, required: c.required ? '必填' : '选填', help: c.help, example: c.example });
  help.addRow([]);
  help.addRow(['每行一条学习记录；任何一行有误时整个文件都不会导入，请按错误报告修改后重新上传。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
