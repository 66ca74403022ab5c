/** Posts one message to a Slack- or Discord-compatible incoming webhook (`text` for Slack, `content` for Discord). */
export async function postAlert(webhookUrl: string | undefined, message: string): Promise<boolean> {
  if (!webhookUrl) return false;
  const text = message.length > 1900 ? `${message.slice(0, 1900)}…` : message;
  const response = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, content: text }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`alert webhook answered ${response.status}`);
  return true;
}
