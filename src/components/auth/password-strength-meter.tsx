"use client";

import { useEffect, useState } from "react";
import {
  estimatePasswordStrength,
  type PasswordContext,
  type PasswordScore,
  type PasswordStrength,
} from "@/lib/password-strength";
import { cn } from "@/lib/utils";

const SCORE_LABELS: Record<PasswordScore, string> = {
  0: "Very weak",
  1: "Weak",
  2: "Fair",
  3: "Strong",
  4: "Very strong",
};

/** The hint under a new-password field: the two rules the contract applies. */
export const NEW_PASSWORD_HINT = "At least 12 characters, and hard to guess: a few uncommon words together work well.";

/** Typing pauses this long before the password is scored and the result announced. */
const SETTLE_MS = 250;

/**
 * How guessable the new password is, as it is typed: the same estimator and context the contract applies on
 * submit, so "Strong" here means the form will accept it. The first keystroke loads the estimator's dictionaries.
 */
export function PasswordStrengthMeter({ password, context }: { password: string; context: PasswordContext }) {
  const [scored, setScored] = useState<PasswordStrength | null>(null);
  const { email, displayName } = context;

  useEffect(() => {
    if (password === "") return;
    let current = true;
    const timer = setTimeout(() => {
      estimatePasswordStrength(password, { email, displayName }).then(
        (strength) => current && setScored(strength),
        // The dictionaries did not load: the meter stays quiet and the contract reports the problem on submit.
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, email, displayName]);

  // The last result stays up while the next is computed, so the meter does not flicker between keystrokes.
  const strength = password === "" ? null : scored;
  return (
    <div aria-live="polite" className="grid gap-1.5 text-xs">
      {strength && (
        <>
          <div aria-hidden="true" className="grid grid-cols-4 gap-1">
            {[1, 2, 3, 4].map((step) => (
              <span
                key={step}
                className={cn(
                  "h-1.5 rounded-full",
                  step > strength.score ? "bg-muted" : strength.acceptable ? "bg-success" : "bg-destructive",
                )}
              />
            ))}
          </div>
          <p className="text-foreground">
            Password strength: <strong className="font-medium">{SCORE_LABELS[strength.score]}</strong>
            {strength.acceptable ? "" : " (not enough)"}
          </p>
          {(strength.warning || strength.suggestions.length > 0) && (
            <p className="text-muted-foreground">
              {[strength.warning, ...strength.suggestions].filter(Boolean).join(" ")}
            </p>
          )}
        </>
      )}
    </div>
  );
}
