import "server-only";
import pino from "pino";

/**
 * Structured JSON logs. Personal data never belongs in a log line: log ids, not
 * emails or names. The redact list is a safety net for mistakes.
 */
export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { service: "tejido" },
      redact: {
        paths: [
          "password",
          "*.password",
          "newPassword",
          "*.newPassword",
          "currentPassword",
          "*.currentPassword",
          "passwordHash",
          "*.passwordHash",
          "email",
          "*.email",
          "token",
          "*.token",
          "headers.cookie",
          "*.headers.cookie",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export const logger = createLogger();
