import { withActor } from "@/lib/http/api";

export const GET = withActor(async (_request, { actor }) => ({
  id: actor.userId,
  name: actor.name,
  email: actor.email,
  locale: actor.locale,
  grants: actor.grants,
}));
