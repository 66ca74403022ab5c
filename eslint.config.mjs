import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const typeScriptFiles = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

const FORMAT_MESSAGE = "Format dates and numbers with src/lib/format (usePractitionerFormat() in components).";
/** Ad hoc date and number formatting, refused outside src/lib/format. */
const DATE_FORMATTING = [
  ...["toLocaleDateString", "toLocaleTimeString", "toLocaleString"].map((property) => ({
    property,
    message: FORMAT_MESSAGE,
  })),
  ...["DateTimeFormat", "RelativeTimeFormat", "NumberFormat"].map((property) => ({
    object: "Intl",
    property,
    message: FORMAT_MESSAGE,
  })),
];

export default tseslint.config(
  {
    // Build output, embedded data, reports and dependencies are never linted.
    ignores: [
      "**/node_modules/**",
      ".next*/**",
      ".data*/**",
      "coverage/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  {
    files: typeScriptFiles,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      // Route handlers are async by contract (defineRoute) even when their body needs no await.
      "@typescript-eslint/require-await": "off",
      // `${number}` and friends in log messages and URLs are intended.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    files: ["**/*.tsx", "src/app/**/*.ts"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: { ...nextPlugin.configs["core-web-vitals"].rules, ...reactHooks.configs.flat.recommended.rules },
  },
  {
    // Application code prints only through the pino logger (src/server/observability).
    files: ["src/**"],
    rules: { "no-console": "error" },
  },
  {
    // Values come from src/lib/zod.ts, which configures zod for the browser's CSP before any schema exists.
    // (src/lib/zod-api.ts names the zod functions it offers.)
    // Metrics are declared with counter/gauge/histogram from src/server/observability/metrics.ts (one registry).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/zod.ts", "src/lib/zod-api.ts", "src/server/observability/metrics.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Import z from @/lib/zod.", allowTypeImports: true },
            {
              name: "prom-client",
              message: "Declare metrics with counter/gauge/histogram from @/server/observability/metrics.",
              allowTypeImports: true,
            },
            {
              name: "ai",
              message: "Reach AI providers through @/server/ai (redaction, quota and audit sit in front of it).",
            },
          ],
          patterns: [
            {
              group: ["@ai-sdk/*"],
              message: "Reach AI providers through @/server/ai (redaction, quota and audit sit in front of it).",
            },
          ],
        },
      ],
    },
  },
  {
    // The one AI vendor module: only it imports the `ai` SDK and its providers (the zod rule still applies).
    files: ["src/server/ai/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: "Import z from @/lib/zod.", allowTypeImports: true }] },
      ],
    },
  },
  {
    // Dates for people are formatted in one place, with the practitioner's locale, zone and clock
    // (src/lib/format); machines get ISO 8601. Ad hoc formatting would show the server's or browser's zone.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/lib/format/**"],
    rules: { "no-restricted-properties": ["error", ...DATE_FORMATTING] },
  },
  {
    // The browser has one transport: api-client parses the API's one error shape, uploads and streams included.
    // A later block replaces a rule's options, so this one repeats the date restrictions for its files.
    files: ["src/components/**/*.{ts,tsx}", "src/app/**/*.tsx", "src/lib/**/*.{ts,tsx}"],
    ignores: ["src/lib/api-client.ts", "src/**/*.test.ts", "src/lib/format/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Call the API through src/lib/api-client.ts (apiRequest, apiResponse, apiUpload)." },
        { name: "XMLHttpRequest", message: "Upload through apiUpload in src/lib/api-client.ts." },
      ],
      "no-restricted-properties": [
        "error",
        ...DATE_FORMATTING,
        { object: "window", property: "fetch", message: "Call the API through src/lib/api-client.ts." },
        { object: "globalThis", property: "fetch", message: "Call the API through src/lib/api-client.ts." },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", __filename: "readonly" },
    },
  },
);
