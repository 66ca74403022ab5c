export * from "./auth";
export * from "./app-private";
export * from "./profiles";
export * from "./jobs";
export * from "./user-integrations";
export * from "./contacts";
export * from "./tags";
export * from "./notes";
