import { initialsOf } from "@/lib/contact-display";
import { cn } from "@/lib/utils";

const SIZES = {
  sm: "size-8 text-xs",
  md: "size-10 text-sm",
  lg: "size-16 text-xl sm:size-20 sm:text-2xl",
} as const;

/** A client's photo, or their initials on a calm tint when there is none; decorative next to the name. */
export function ContactAvatar({
  displayName,
  photoUrl,
  size = "md",
  className,
}: {
  displayName: string;
  photoUrl?: string | null | undefined;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const classes = cn(
    "inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-accent font-semibold text-accent-foreground select-none",
    SIZES[size],
    className,
  );
  if (photoUrl) {
    // A data URL or same-origin path: nothing for next/image to optimise.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={photoUrl} alt="" className={cn(classes, "object-cover")} />;
  }
  return (
    <span aria-hidden="true" className={classes}>
      {initialsOf(displayName)}
    </span>
  );
}
