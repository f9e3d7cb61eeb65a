import { withActor } from "@/lib/http/api";
import { findPrograms } from "@/lib/programs/find-programs";

export const GET = withActor(async (_request, { actor }) => ({ programs: await findPrograms({ actor }) }));
