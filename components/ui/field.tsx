import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

const controlClasses =
  "block w-full min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-700 focus:outline-2 focus:outline-brand-700 aria-invalid:border-red-700";

type FieldProps = {
  label: string;
  name: string;
  /** Needed when the same field name appears more than once on a page. */
  id?: string;
  errors?: string[];
  description?: string;
  className?: string;
};

/** Label, hint and errors wired to the control with aria-describedby, so screen readers announce them. */
function FieldFrame({
  label,
  name,
  errors,
  description,
  className,
  children,
}: FieldProps & { children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = `field-${name}`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      {description && (
        <p id={descriptionId} className="text-sm text-slate-600">
          {description}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  name,
  id: givenId,
  errors,
  description,
  className,
  ...inputProps
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <FieldFrame label={label} name={name} id={givenId} errors={errors} description={description} className={className}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(controlClasses, invalid ? "border-red-700" : "border-slate-400")}
          {...inputProps}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  name,
  id: givenId,
  errors,
  description,
  className,
  options,
  ...selectProps
}: FieldProps & { options: Array<{ value: string; label: string }> } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  return (
    <FieldFrame label={label} name={name} id={givenId} errors={errors} description={description} className={className}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(controlClasses, invalid ? "border-red-700" : "border-slate-400")}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
