import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn("font-medium text-brand-700 underline-offset-2 hover:underline", className)} {...props} />;
}
