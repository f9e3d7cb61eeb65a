import { cn } from "./cn";

/**
 * A labelled group of checkboxes posting one `name` per checked box, with its
 * error announced next to the legend. Native inputs: keyboard and screen readers work as usual.
 */
export function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  errors,
  description,
  columns = 2,
}: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string }>;
  checked?: Iterable<string>;
  errors?: string[];
  description?: string;
  columns?: 2 | 3;
}) {
  const selected = new Set(checked ?? []);
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {description && <p className="mb-2 text-sm text-slate-600">{description}</p>}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors?.join(" ")}
        </p>
      )}
      <div className={cn("grid gap-1", columns === 3 ? "sm:grid-cols-3" : "sm:grid-cols-2")}>
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-3 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.has(option.value)} className="size-5" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
