"use client";

import es from "@/lib/i18n/messages/es-MX.json";

/**
 * Replaces the root layout when it fails, so no providers are available here:
 * the Spanish catalog is read directly, as Spanish is the default language.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="es-MX">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", textAlign: "center" }}>
        <h1>{es.errorPage.title}</h1>
        <p>{es.errorPage.body}</p>
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0 1rem" }}>
          {es.errorPage.retry}
        </button>
      </body>
    </html>
  );
}
