/** Posts one message to Slack- and Discord-compatible incoming webhooks (`text` for Slack, `content` for Discord). */
export async function postToWebhooks(urls: string[], message: string): Promise<string[]> {
  const failures: string[] = [];
  for (const url of new Set(urls)) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: message, content: message }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) failures.push(`${new URL(url).host} answered ${response.status}`);
    } catch (error) {
      failures.push(`${URL.canParse(url) ? new URL(url).host : "invalid URL"}: ${(error as Error).message}`);
    }
  }
  return failures;
}

/** Webhook URLs from the named variables, skipping unset ones. */
export function webhooksFrom(env: NodeJS.ProcessEnv, names: string[]): string[] {
  return names.map((name) => env[name]?.trim()).filter((url): url is string => Boolean(url));
}
