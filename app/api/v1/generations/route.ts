import { findGenerations } from "@/lib/generations/find-generations";
import { withActor } from "@/lib/http/api";

export const GET = withActor(async (_request, { actor }) => ({ generations: await findGenerations({ actor }) }));
