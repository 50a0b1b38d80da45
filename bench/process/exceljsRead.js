// The floor of `jiaohe check FILE`: a Node process that only reads the file with exceljs, as the file host does.
const ExcelJS = require('exceljs');
new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err && err.message}\n`);
    process.exit(2);
  },
);
