/** A labelled file input with its help and error wired to it (aria-describedby, aria-invalid). */
export function FileField({
  id,
  name,
  label,
  accept,
  help,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  accept: string;
  help?: string;
  errors?: string[];
}) {
  const describedBy = [help && `${id}-help`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        required
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        className="mt-1 block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border-0 file:bg-slate-200 file:px-3"
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
