export * from "./dates";
export * from "./numbers";
export * from "./settings";
export * from "./practitioner-day";
