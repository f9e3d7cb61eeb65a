"use client";

import { useState } from "react";

function newSubmissionId() {
  // getRandomValues works on plain http too (a demo on a LAN address), where crypto.randomUUID does not exist.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The id of this submission of a form, sent as `_submission`: a double click, or sending again after a
 * timeout, repeats the id and the server answers with the first submission's result instead of doing it
 * twice (lib/actions/submissions.ts). A new id once an answer arrives, for the next, different submission.
 */
export function SubmissionId({ answered }: { answered: unknown }) {
  const [id, setId] = useState(newSubmissionId);
  const [lastAnswer, setLastAnswer] = useState(answered);
  if (answered !== lastAnswer) {
    setLastAnswer(answered);
    setId(newSubmissionId());
  }
  return <input type="hidden" name="_submission" value={id} />;
}
