"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartDatum = { label: string; value: number | null; color?: string };

/**
 * A bar chart drawn for sighted users; the same numbers are in the table next to
 * it (the chart itself is one labelled image for screen readers).
 */
export function BarChartView({ data, label, percent = false }: { data: ChartDatum[]; label: string; percent?: boolean }) {
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12, fill: "#334155" }}
            interval={0}
            angle={data.length > 6 ? -30 : 0}
            textAnchor={data.length > 6 ? "end" : "middle"}
            height={data.length > 6 ? 70 : 30}
          />
          <YAxis
            tick={{ fontSize: 12, fill: "#334155" }}
            tickFormatter={(value: number) => (percent ? `${Math.round(value * 100)}%` : String(value))}
            domain={percent ? [0, 1] : [0, "auto"]}
          />
          <Tooltip formatter={(value) => (percent && typeof value === "number" ? `${Math.round(value * 100)}%` : String(value))} />
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((datum, index) => (
              <Cell key={index} fill={datum.color ?? "#0b5e58"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
