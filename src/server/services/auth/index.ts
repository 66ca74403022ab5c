export { signUp } from "./sign-up";
export { signIn } from "./sign-in";
export { signOut, signOutEverywhere } from "./sign-out";
export { currentAccount } from "./current-account";
export { requestPasswordReset, confirmPasswordReset } from "./password-reset";
export { startGoogleSignIn, finishGoogleSignIn, GOOGLE_SIGN_IN_FAILED_PATH } from "./google-sign-in";
export { emailKey } from "./rate-limit-keys";
export {
  listSessions,
  revokeSession,
  revokeOtherSessions,
  changePassword,
  emailChangeStatus,
  requestEmailChange,
  cancelEmailChange,
  confirmEmailChange,
} from "./security";
