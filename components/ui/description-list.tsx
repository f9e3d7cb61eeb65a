import type { ReactNode } from "react";

export function DescriptionList({ items }: { items: Array<{ term: string; value: ReactNode }> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.term}>
          <dt className="text-sm text-slate-600">{item.term}</dt>
          <dd className="font-medium break-words text-slate-900">{item.value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
