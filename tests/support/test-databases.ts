import postgres from "postgres";

export function adminSql(url: string): postgres.Sql {
  return postgres(url, { max: 1, onnotice: () => {} });
}

export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
