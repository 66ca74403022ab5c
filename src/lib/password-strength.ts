import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/** The estimator's scale: 0 (guessed at once) to 4 (very hard to guess). A new password needs at least this. */
export const MIN_PASSWORD_SCORE = 3;

/** The one refusal for a guessable password, in the browser and from the API. */
export const WEAK_PASSWORD_MESSAGE =
  "This password is too easy to guess. Use a few uncommon words together, and not your name or email.";

/**
 * Only this many characters are estimated: the estimator's time grows steeply with length (a 200-character
 * password of mixed substitutions takes seconds), and 64 characters that pass are strong whatever follows.
 */
const ESTIMATED_LENGTH = 64;
/** Caps the l33t variants tried per password, for the same reason; the defaults let a crafted password cost 1 s+. */
const L33T_SUBSTITUTIONS = 8;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  acceptable: boolean;
  /** The estimator's warning, in English, when it has one ("This is similar to a commonly used password."). */
  warning: string | null;
  suggestions: string[];
}

/** What the person told us about themselves: a password built from it is easy for anyone who knows them. */
export interface PasswordContext {
  email?: string | undefined;
  displayName?: string | undefined;
}

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The estimator with its dictionaries (about 1.7 MB of word lists before compression), built once per process. They are imported
 * here and nowhere else, dynamically, so the browser fetches them as a separate chunk on first use (the sign-up
 * page does so when the person starts typing a password) and the page itself stays small.
 */
export function loadPasswordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
        maxLength: ESTIMATED_LENGTH,
        l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
      }),
    (error: unknown) => {
      estimator = undefined;
      throw error;
    },
  );
  return estimator;
}

const MIN_WORD_LENGTH = 3;

/**
 * The email, its local part, the name in each form, the pieces of the local part and the email's domain: words
 * the estimator treats as known. The order is their rank (the estimator counts a word's position as its guesses).
 */
export function passwordContextWords({ email, displayName }: PasswordContext): string[] {
  const [local, domain] = email?.split("@") ?? [];
  const names = displayName?.trim().split(/\s+/u) ?? [];
  const candidates = [
    email,
    local,
    names.join(""),
    displayName,
    ...names,
    ...(local?.match(/\p{L}+|\p{N}+/gu) ?? []),
    domain?.split(".")[0],
    "omnicrm",
  ];
  const words = candidates
    .map((word) => word?.trim().toLowerCase() ?? "")
    .filter((word) => word.length >= MIN_WORD_LENGTH);
  return [...new Set(words)];
}

/** Scores a new password against common passwords, patterns and the person's own details. */
export async function estimatePasswordStrength(
  password: string,
  context: PasswordContext = {},
): Promise<PasswordStrength> {
  const result = (await loadPasswordEstimator()).check(password, passwordContextWords(context));
  const score = result.score;
  return {
    score,
    acceptable: score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
