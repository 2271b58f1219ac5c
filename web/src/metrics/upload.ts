import { periodImportResultSchema, type PeriodImportResult } from "../../../src/metrics/schema.ts";
import { ApiError, errorFromBody } from "../app/api.ts";

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends a CSV file as the request body with XMLHttpRequest, because fetch can't report how
 * much of a large upload has gone. Same origin, so the session cookie signs it in.
 */
export function uploadCsv(
  url: string,
  file: Blob,
  handlers: { onProgress: (progress: UploadProgress) => void; onSent: () => void },
  signal?: AbortSignal,
): Promise<PeriodImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.withCredentials = true;
    request.responseType = "json";
    request.setRequestHeader("content-type", "text/csv");
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      handlers.onProgress({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    };
    request.upload.onload = () => handlers.onSent();
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status >= 200 && request.status < 300) {
        const parsed = periodImportResultSchema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ApiError(request.status, "unexpected", "The server's answer was not understood."),
          );
        return;
      }
      reject(errorFromBody(request.status, body));
    };
    request.onerror = () =>
      reject(
        new ApiError(
          0,
          "network",
          "Handoff can't be reached. Check your connection and try again.",
        ),
      );
    request.onabort = () => reject(new ApiError(0, "aborted", "The upload was stopped."));
    signal?.addEventListener("abort", () => request.abort());
    request.send(file);
  });
}

/** Lines in a file, the header included, counted without holding the text twice. */
export async function countLines(file: Blob): Promise<number> {
  const reader = file.stream().getReader();
  let lines = 0;
  let last = 10;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines += 1;
    if (value.length > 0) last = value[value.length - 1] ?? 10;
  }
  return last === 10 ? lines : lines + 1;
}
