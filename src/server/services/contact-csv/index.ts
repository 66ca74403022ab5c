export { previewCsvImport } from "./preview-csv-import";
export { dryRunCsvImport } from "./dry-run-csv-import";
export { importCsvContacts } from "./import-csv-contacts";
export { exportCsvContacts, type CsvExport } from "./export-csv-contacts";
export { CSV_UPLOAD, csvUploadOf, type CsvUpload } from "./csv-upload";
export { exportSelectedContacts } from "./export-selected-contacts";
