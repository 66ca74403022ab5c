import { sql } from "drizzle-orm";
import type { AiFeature, AiUsageMonth } from "@/lib/contracts/ai";
import type { DbExecutor } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { aiUsage } from "@/server/db/schema";
import type { ChatUsage } from "@/server/ai";

export interface MonthUsage {
  used: number;
  /** When the count starts again: the first instant of next month, UTC. */
  resetsAt: string;
}

/** Tokens used this calendar month (UTC): the sum the quota is checked against, before every call. */
export async function readMonthUsage(db: DbExecutor, userId: string): Promise<MonthUsage> {
  const [row] = resultRows<{ used: string | number; resets_at: string }>(
    await db.execute(sql`
      with month as (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' as starts)
      select coalesce((select sum(total_tokens) from public.ai_usage
                        where user_id = ${userId} and occurred_at >= month.starts), 0) as used,
             to_json(month.starts + interval '1 month') #>> '{}' as resets_at
        from month`),
  );
  return { used: Number(row?.used ?? 0), resetsAt: new Date(row?.resets_at ?? Date.now()).toISOString() };
}

/** The last twelve months with any use, newest first. */
export async function readUsageHistory(db: DbExecutor, userId: string): Promise<AiUsageMonth[]> {
  const rows = resultRows<{
    month: string;
    calls: string | number;
    input: string | number;
    output: string | number;
    total: string | number;
  }>(
    await db.execute(sql`
      select to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month,
             count(*) as calls, sum(input_tokens) as input, sum(output_tokens) as output, sum(total_tokens) as total
        from public.ai_usage
       where user_id = ${userId}
         and occurred_at >= (date_trunc('month', now() at time zone 'UTC') - interval '11 months') at time zone 'UTC'
       group by 1
       order by 1 desc`),
  );
  return rows.map((row) => ({
    month: row.month,
    calls: Number(row.calls),
    inputTokens: Number(row.input),
    outputTokens: Number(row.output),
    totalTokens: Number(row.total),
  }));
}

/** Appends one answered call to the ledger. */
export async function recordUsage(
  db: DbExecutor,
  input: { userId: string; feature: AiFeature; model: string; usage: ChatUsage },
): Promise<void> {
  await db.insert(aiUsage).values({
    userId: input.userId,
    feature: input.feature,
    model: input.model,
    inputTokens: input.usage.inputTokens,
    outputTokens: input.usage.outputTokens,
    totalTokens: input.usage.totalTokens,
  });
}
