import { TextField } from "./field";

/** A new password typed twice, with the length hint; used wherever someone chooses a password. */
export function NewPasswordFields({
  names,
  labels,
  errors,
}: {
  names: { password: string; confirm: string };
  labels: { password: string; confirm: string; hint: string };
  errors?: Record<string, string[]>;
}) {
  return (
    <>
      <TextField
        label={labels.password}
        name={names.password}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        description={labels.hint}
        errors={errors?.[names.password]}
      />
      <TextField
        label={labels.confirm}
        name={names.confirm}
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.[names.confirm]}
      />
    </>
  );
}
