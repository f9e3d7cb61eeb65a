"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type MouseEvent } from "react";
import { buttonClasses } from "@/components/ui/button";

type Progress = { rows: number; total: number | null; bytes: number } | null;

const fileNameOf = (response: Response) => /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "export";

/**
 * A download link that shows how far a streamed export has come (rows for CSV,
 * megabytes for XLSX) and saves the file when it is complete. Without
 * JavaScript it is a plain link and the browser streams the file itself.
 */
export function ExportButton({ href, label, format }: { href: string; label: string; format: "csv" | "xlsx" }) {
  const t = useTranslations("exports");
  const [progress, setProgress] = useState<Progress>(null);
  const [failed, setFailed] = useState(false);
  const busy = useRef(false);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setFailed(false);
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      const total = Number(response.headers.get("X-Total-Rows") ?? NaN);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let newlines = 0;
      setProgress({ rows: 0, total: Number.isFinite(total) ? total : null, bytes: 0 });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        // CSV rows end in CRLF; the first line is the header.
        if (format === "csv") for (const byte of value) if (byte === 10) newlines += 1;
        setProgress({ rows: Math.max(0, newlines - 1), total: Number.isFinite(total) ? total : null, bytes });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") ?? undefined }));
      const link = Object.assign(document.createElement("a"), { href: url, download: fileNameOf(response) });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }

  const megabytes = (bytes: number) => (bytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <span className="inline-flex flex-col gap-1">
      <a
        href={href}
        download
        onClick={download}
        aria-busy={progress !== null}
        className={buttonClasses("ghost", "border border-slate-300")}
      >
        {label}
      </a>
      <span role="status" className="text-xs text-slate-700">
        {progress &&
          (format === "csv" && progress.total !== null ? (
            <>
              <progress className="mr-2 align-middle" max={progress.total || 1} value={progress.rows} aria-label={label} />
              {t("progressRows", { rows: progress.rows, total: progress.total })}
            </>
          ) : (
            t("progressBytes", { megabytes: megabytes(progress.bytes), total: progress.total ?? 0 })
          ))}
        {failed && <span className="text-red-800">{t("failed")}</span>}
      </span>
    </span>
  );
}
