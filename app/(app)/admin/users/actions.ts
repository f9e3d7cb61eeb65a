"use server";

import { z } from "zod";
import { guardedAction } from "@/lib/actions/guarded-action";
import { requestOrigin } from "@/lib/http/origin";
import { createUser } from "@/lib/users/create-user";
import { assignGrant, revokeGrant } from "@/lib/users/grants";
import { createInvitation } from "@/lib/users/invitations";
import { createUserSchema, grantSchema } from "@/lib/users/schemas";
import { deactivateUser, reactivateUser } from "@/lib/users/set-user-active";
import { idField } from "@/lib/validation/fields";

const userIdSchema = z.object({ userId: idField });
const usersPath = "/admin/users";

export const createUserAction = guardedAction({ permission: "manage:users", schema: createUserSchema }, async (input, { actor }) => {
  const { userId, invitationToken } = await createUser({
    actor,
    email: input.email,
    name: input.name,
    locale: input.locale,
    grant: input.role ? { role: input.role, programId: input.programId, networkId: input.networkId } : undefined,
  });
  return {
    message: "userForm.created",
    data: { userId, invitationUrl: `${await requestOrigin()}/invitation/${invitationToken}` },
    revalidate: [usersPath],
  };
});

export const assignGrantAction = guardedAction(
  { permission: "manage:users", schema: grantSchema.extend({ userId: idField }) },
  async (input, { actor }) => {
    await assignGrant({ actor, userId: input.userId, grant: { role: input.role, programId: input.programId, networkId: input.networkId } });
    return { message: "userDetail.grantAdded", revalidate: [`${usersPath}/${input.userId}`, usersPath] };
  },
);

export const revokeGrantAction = guardedAction(
  { permission: "manage:users", schema: z.object({ userId: idField, grantId: idField }) },
  async (input, { actor }) => {
    await revokeGrant({ actor, userId: input.userId, grantId: input.grantId });
    return { message: "userDetail.grantRevoked", revalidate: [`${usersPath}/${input.userId}`, usersPath] };
  },
);

export const deactivateUserAction = guardedAction({ permission: "manage:users", schema: userIdSchema }, async (input, { actor }) => {
  await deactivateUser({ actor, userId: input.userId });
  return { message: "userDetail.deactivated", revalidate: [`${usersPath}/${input.userId}`, usersPath] };
});

export const reactivateUserAction = guardedAction({ permission: "manage:users", schema: userIdSchema }, async (input, { actor }) => {
  await reactivateUser({ actor, userId: input.userId });
  return { message: "userDetail.reactivated", revalidate: [`${usersPath}/${input.userId}`, usersPath] };
});

export const createInvitationAction = guardedAction({ permission: "manage:users", schema: userIdSchema }, async (input, { actor }) => {
  const token = await createInvitation({ actor, userId: input.userId });
  return {
    message: "userDetail.linkCreated",
    data: { invitationUrl: `${await requestOrigin()}/invitation/${token}` },
    revalidate: [`${usersPath}/${input.userId}`],
  };
});
