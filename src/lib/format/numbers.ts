/** Counts in the app's one language: "1,024". The app's words are English, so its numbers are too. */
const counts = new Intl.NumberFormat("en");

export function formatCount(count: number): string {
  return counts.format(count);
}
