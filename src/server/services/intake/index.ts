export { createIntakeLink, createIntakeLinkInput } from "./create-intake-link";
export { listIntakeLinks, listIntakeLinksInput } from "./list-intake-links";
export { revokeIntakeLink, revokeIntakeLinkInput } from "./revoke-intake-link";
export { findIntakeLink, findIntakeLinkInput, type OpenIntakeLink } from "./find-intake-link";
export { hashIntakeToken, newIntakeToken } from "./intake-token";
export { submitIntake, submitIntakeInput, linkUnavailable } from "./submit-intake";
export { INTAKE_UPLOAD, intakeBodyOf, type IntakeBody } from "./intake-upload";
export { openIntakeForm, openIntakeFormInput, type IntakeFormView } from "./open-intake-form";
