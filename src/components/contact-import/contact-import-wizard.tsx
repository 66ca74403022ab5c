"use client";

import { useEffect, useRef, useState } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { isApiError } from "@/lib/api-client";
import {
  CSV_IMPORT_LIMITS,
  CSV_TOO_LARGE_MESSAGE,
  csvDryRunResponse,
  csvPreviewResponse,
  type CsvDryRunResponse,
  type CsvImportResult,
  type CsvPreviewResponse,
  type DuplicateAction,
} from "@/lib/contracts/contact-csv";
import { ImportProgress } from "./import-progress";
import { runCsvImport, uploadCsv } from "./import-requests";
import { MapStep } from "./map-step";
import { ResultStep } from "./result-step";
import { ReviewStep } from "./review-step";
import { IMPORT_STEPS, StepList, type ImportStepId } from "./step-list";
import { UploadStep } from "./upload-step";

const messageOf = (caught: unknown) =>
  isApiError(caught) ? caught.message : "Something went wrong. Try again, and contact support if it keeps happening.";

/** Upload → match columns → review (dry run) → import (progress) → result. The file stays in the browser and is sent with each step. */
export function ContactImportWizard() {
  const [step, setStep] = useState<ImportStepId>("upload");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreviewResponse | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [report, setReport] = useState<CsvDryRunResponse | null>(null);
  const [defaultAction, setDefaultAction] = useState<DuplicateAction>("skip");
  const [actions, setActions] = useState<Record<string, DuplicateAction>>({});
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each new step takes focus at its heading, so keyboard and screen reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const choose = (file: File) => {
    // Said before sending, in the server's words: a file far over the limit would otherwise meet the
    // upload cap in front of every route, whose message knows nothing of imports.
    if (file.size > CSV_IMPORT_LIMITS.bytes) return setError(CSV_TOO_LARGE_MESSAGE);
    return attempt(async () => {
      const previewed = await uploadCsv("/api/contacts/import/preview", csvPreviewResponse, file);
      setFile(file);
      setPreview(previewed);
      setMapping(previewed.suggestedMapping);
      setStep("map");
    });
  };

  const check = (nextDefault = defaultAction, nextActions = actions) =>
    attempt(async () => {
      if (!file) return;
      const options = { mapping, defaultDuplicateAction: nextDefault, duplicateActions: nextActions };
      setReport(await uploadCsv("/api/contacts/import/dry-run", csvDryRunResponse, file, options));
      setStep("review");
    });

  const runImport = () => {
    if (!file) return;
    setStep("import");
    setProgress({ done: 0, total: report ? report.summary.create + report.summary.merge : 0 });
    void attempt(async () => {
      try {
        const options = { mapping, defaultDuplicateAction: defaultAction, duplicateActions: actions };
        setResult(await runCsvImport(file, options, (done, total) => setProgress({ done, total })));
        setStep("result");
      } catch (caught) {
        setStep("review");
        throw caught;
      }
    });
  };

  function restart() {
    setFile(null);
    setPreview(null);
    setReport(null);
    setResult(null);
    setActions({});
    setDefaultAction("skip");
    setError(null);
    setStep("upload");
  }

  const title = IMPORT_STEPS.find((entry) => entry.id === step)?.label ?? "";
  return (
    <div className="mx-auto grid max-w-3xl">
      <StepList current={step} />
      <Card>
        <CardHeader>
          <CardTitle ref={headingRef} tabIndex={-1} className="outline-none">
            {title}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {step === "upload" && <UploadStep busy={busy} error={error} onFile={(chosen) => void choose(chosen)} />}
          {step === "map" && preview && (
            <MapStep
              preview={preview}
              mapping={mapping}
              busy={busy}
              error={error}
              onChange={setMapping}
              onBack={restart}
              onNext={() => void check()}
            />
          )}
          {step === "review" && report && (
            <ReviewStep
              report={report}
              defaultAction={defaultAction}
              busy={busy}
              error={error}
              onDefault={(action) => {
                setDefaultAction(action);
                setActions({});
                void check(action, {});
              }}
              onChoose={(row, action) => {
                const next = { ...actions, [String(row)]: action };
                setActions(next);
                void check(defaultAction, next);
              }}
              onBack={() => {
                setError(null);
                setStep("map");
              }}
              onImport={runImport}
            />
          )}
          {step === "import" && <ImportProgress done={progress.done} total={progress.total} />}
          {step === "result" && result && <ResultStep result={result} onAgain={restart} />}
        </CardContent>
      </Card>
    </div>
  );
}
