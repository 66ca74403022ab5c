export { exportAccountData, exportAccountDataInput, type AccountExport } from "./export-account-data";
export { deleteAccount, deleteAccountInput, type AccountToDelete } from "./delete-account";
export { deleteStoredObjects, deleteStoredObjectsInput } from "./delete-stored-objects";
export { USER_DATA_TABLES, FOREIGN_SCHEMAS, type UserDataTable } from "./user-data-tables";
