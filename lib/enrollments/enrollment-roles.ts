/** How someone takes part in a generation: only participants count in totals and rates (compute-generation-facts.ts). */
export const ENROLLMENT_ROLES = ["PARTICIPANT", "GUEST", "SPEAKER", "OBSERVER", "STAFF"] as const;
export type EnrollmentRoleValue = (typeof ENROLLMENT_ROLES)[number];

/** A walk-in form's "the network's convening foundation": a guest or staff member needs no new organization. */
export const CONVENER = "__convener__";
