import { MexicanState } from "@/lib/generated/prisma/enums";

export function isMexicanState(value: unknown): value is MexicanState {
  return typeof value === "string" && value in MexicanState;
}
